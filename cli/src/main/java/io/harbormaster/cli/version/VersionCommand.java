package io.harbormaster.cli.version;

import io.harbormaster.cli.HmCommand;
import io.harbormaster.cli.HmException;
import io.harbormaster.cli.machine.MachineResolver;
import io.harbormaster.cli.server.HarbormasterClient;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * {@code hm version}: the client's version the way docker-machine prints its own ({@code hm version X}), then the
 * server's. {@code --client} prints only the first line and never goes online. With a machine name it prints that
 * machine's Docker Engine version, like {@code docker-machine version NAME}.
 *
 * <p>The server's version is read from {@code GET /api/version}; servers older than it are asked at
 * {@code /actuator/info} ({@code build.version}) and the OpenAPI description's {@code info.version} (ignoring
 * springdoc's placeholder {@code v0}). When none answers, hm prints {@code Server: unknown (…)} with the reason
 * rather than failing: {@code hm version} is what people run when something is wrong.
 */
@Command(name = "version", description = "Show the hm and Harbormaster versions, or a machine's Docker version",
        mixinStandardHelpOptions = true,
        footer = {"", "Examples:", "  hm version", "  hm version --client     # offline", "  hm version web-1"})
public class VersionCommand implements Runnable {

    private static final long SERVER_TIMEOUT_SECONDS = 10;

    @ParentCommand
    private HmCommand hm;

    @Spec
    private CommandSpec spec;

    @Option(names = "--client", description = "Only the client's version, without asking the server")
    private boolean clientOnly;

    @Parameters(arity = "0..1", paramLabel = "NAME", description = "A machine: print its Docker Engine version")
    private String machine;

    @Override
    public void run() {
        var out = spec.commandLine().getOut();
        if (machine != null) {
            var view = MachineResolver.resolve(hm.connect(), machine);
            if (view.dockerVersion() == null || view.dockerVersion().isBlank()) {
                throw new HmException("Harbormaster does not know the Docker version of \"" + view.name()
                        + "\" yet (state " + view.state() + ")");
            }
            out.println(view.dockerVersion());
            out.flush();
            return;
        }
        out.println("hm version " + hm.workstation().clientVersion());
        out.flush();
        if (clientOnly) {
            return;
        }
        out.println("Server: " + server());
        out.flush();
    }

    private String server() {
        HarbormasterClient client;
        try {
            client = hm.connect();
        } catch (HmException e) {
            return "unknown (" + withoutFinalStop(e.getMessage()) + ")";
        }
        var executor = Executors.newVirtualThreadPerTaskExecutor();
        try {
            var version = executor.submit(() -> version(client))
                    .get(SERVER_TIMEOUT_SECONDS, TimeUnit.SECONDS);
            return version.map(v -> "Harbormaster " + v + " at " + client.server())
                    .orElse("unknown (Harbormaster at " + client.server() + " does not report its version)");
        } catch (TimeoutException e) {
            return "unknown (no answer from " + client.server() + " within " + SERVER_TIMEOUT_SECONDS + " s)";
        } catch (ExecutionException e) {
            return "unknown (" + withoutFinalStop(e.getCause().getMessage()) + ")";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "unknown (interrupted)";
        } finally {
            executor.shutdownNow();
        }
    }

    private static Optional<String> version(HarbormasterClient client) {
        return read(client, "/api/version").map(answer -> answer.path("version"))
                .filter(JsonNode::isString).map(JsonNode::stringValue).filter(v -> !v.isBlank())
                .or(() -> read(client, "/actuator/info").map(info -> info.path("build").path("version"))
                        .filter(JsonNode::isString).map(JsonNode::stringValue).filter(v -> !v.isBlank()))
                .or(() -> read(client, "/v3/api-docs").map(docs -> docs.path("info").path("version"))
                        .filter(JsonNode::isString).map(JsonNode::stringValue)
                        .filter(v -> !v.isBlank() && !v.equals("v0")));
    }

    private static Optional<JsonNode> read(HarbormasterClient client, String path) {
        var response = client.exchange("GET", path, Map.of(), null);
        if (response.statusCode() != 200) {
            return Optional.empty();
        }
        try {
            return Optional.of(client.json().readTree(response.body()));
        } catch (JacksonException e) {
            return Optional.empty();
        }
    }

    private static String withoutFinalStop(String message) {
        return message != null && message.endsWith(".") ? message.substring(0, message.length() - 1)
                : String.valueOf(message);
    }
}
