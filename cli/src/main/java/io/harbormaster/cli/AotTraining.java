package io.harbormaster.cli;

import io.harbormaster.api.machine.MachineName;
import io.harbormaster.workstation.EnvScript;
import io.harbormaster.workstation.EnvSettings;
import io.harbormaster.workstation.Shell;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.Writer;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * The AOT training workload, not a command of {@code hm}: no verb, option or alias reaches it. The build runs it
 * once with the bundle's own runtime ({@code cli/src/build/hm-bundle.sh}:
 * {@code java -XX:AOTCacheOutput=lib/hm.aot -cp lib/hm.jar io.harbormaster.cli.AotTraining}) so that the JDK's
 * ahead-of-time cache holds the classes, linked call sites and method profiles of hm's hot path: picocli parsing the
 * command line, {@code java.net.http} calling a server, Jackson reading its JSON (pages of machines and problem
 * details), the {@code workstation} library rendering {@code env} output for every shell, and the failure messages.
 *
 * <p>It talks only to a canned stand-in of the REST API on a loopback port of its own (plain {@link ServerSocket},
 * so hm needs no HTTP server module), runs {@code hm} in-process with a made-up environment whose home is a fresh
 * temporary folder, prints its outputs nowhere and deletes the folder again. Verbs the workload names but this
 * version of hm does not have yet ({@code env}, {@code login}) go through picocli's "unknown command" path; when
 * they arrive they are trained with the answers below. Running it by hand is harmless.
 */
final class AotTraining {

    private static final int ROUNDS = 5;

    private AotTraining() {
    }

    public static void main(String[] args) throws Exception {
        var home = Files.createTempDirectory("hm-aot-training");
        try (var server = new CannedServer()) {
            var environment = new HashMap<String, String>();
            environment.put("HOME", home.toString());
            environment.put("XDG_CACHE_HOME", home.resolve(".cache").toString());
            environment.put("XDG_CONFIG_HOME", home.resolve(".config").toString());
            environment.put("HM_SERVER", server.url());
            environment.put("HM_USER", "trainer");
            environment.put("HM_PASSWORD", "training-only");
            var anonymous = new HashMap<>(environment);
            anonymous.remove("HM_USER");
            anonymous.remove("HM_PASSWORD");
            var unreachable = new HashMap<>(environment);
            unreachable.put("HM_SERVER", "http://127.0.0.1:1");

            int runs = 0;
            for (int round = 0; round < ROUNDS; round++) {
                for (var invocation : invocations()) {
                    hm(environment, invocation);
                    runs++;
                }
                hm(anonymous, "ls");
                hm(unreachable, "ls");
                hm(environment, "ls", "--filter", "name=[");
                runs += 3;
                renderEnvScripts();
            }
            System.err.println("AOT training: " + runs + " hm invocations against " + server.url() + ", "
                    + server.requests + " requests answered");
        } finally {
            deleteTree(home);
        }
    }

    private static List<String[]> invocations() {
        return List.of(
                new String[] {"--help"},
                new String[] {"--version"},
                new String[] {"version"},
                new String[] {"help", "ls"},
                new String[] {"ls"},
                new String[] {"ls", "-q"},
                new String[] {"ls", "--format", "{{.Name}}\t{{.State}}\t{{.URL}}"},
                new String[] {"ls", "--filter", "state=Running", "--filter", "driver=generic", "--filter", "name=web"},
                new String[] {"env", "train-1"},
                new String[] {"env", "--shell", "fish", "train-1"},
                new String[] {"ls", "--no-such-option"},
                new String[] {"no-such-verb"});
    }

    private static void hm(Map<String, String> environment, String... args) {
        var nowhere = new PrintWriter(Writer.nullWriter());
        HmCommand.execute(args, environment, nowhere, nowhere);
    }

    private static void renderEnvScripts() {
        var settings = EnvSettings.forMachine(MachineName.of("train-1"), "tcp://192.0.2.10:2376",
                "/home/trainer/.hm/machines/train-1");
        var rendered = new StringBuilder();
        for (var shell : Shell.values()) {
            rendered.append(EnvScript.render(settings.withShell(shell)));
            rendered.append(EnvScript.render(settings.withShell(shell).withNoProxy("localhost")));
        }
        rendered.append(EnvScript.render(EnvSettings.forUnset()));
        if (rendered.isEmpty()) {
            throw new IllegalStateException("the env scripts came out empty");
        }
    }

    private static void deleteTree(Path root) throws IOException {
        try (var paths = Files.walk(root)) {
            for (var path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }

    /** Answers like the REST API, one request per connection, until closed. */
    private static final class CannedServer implements AutoCloseable {

        private final ServerSocket socket;
        private final Thread acceptor;
        private volatile int requests;

        CannedServer() throws IOException {
            socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
            acceptor = Thread.ofPlatform().daemon().name("aot-training-server").start(this::serve);
        }

        String url() {
            return "http://127.0.0.1:" + socket.getLocalPort();
        }

        private void serve() {
            while (!socket.isClosed()) {
                try (var connection = socket.accept()) {
                    answer(connection);
                    requests++;
                } catch (IOException e) {
                    // closed, or a client that went away: the next one is served
                }
            }
        }

        private static void answer(Socket connection) throws IOException {
            var in = new BufferedReader(new InputStreamReader(connection.getInputStream(), StandardCharsets.ISO_8859_1));
            var requestLine = in.readLine();
            if (requestLine == null) {
                return;
            }
            var headers = new ArrayList<String>();
            for (var line = in.readLine(); line != null && !line.isEmpty(); line = in.readLine()) {
                headers.add(line.toLowerCase(Locale.ROOT));
            }
            var target = requestLine.split(" ")[1];
            boolean signedIn = headers.stream().anyMatch(h -> h.startsWith("authorization:"));
            int status;
            String type;
            String body;
            if (!signedIn) {
                status = 401;
                type = "application/problem+json";
                body = problem(401, "unauthorized", "Sign in first.");
            } else if (target.startsWith("/api/machines?")) {
                status = 200;
                type = "application/json";
                body = machinePage();
            } else if (target.matches("/api/machines/[^/?]+/env.*")) {
                status = 200;
                type = "text/plain";
                body = "export DOCKER_TLS_VERIFY=\"1\"\n";
            } else {
                status = 404;
                type = "application/problem+json";
                body = problem(404, "not-found", "No machine named like that is visible to you.");
            }
            var bytes = body.getBytes(StandardCharsets.UTF_8);
            OutputStream out = connection.getOutputStream();
            out.write(("HTTP/1.1 " + status + " X\r\nContent-Type: " + type + "\r\nContent-Length: " + bytes.length
                    + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
            out.write(bytes);
            out.flush();
        }

        private static String problem(int status, String type, String detail) {
            return """
                    {"type":"https://harbormaster.dev/problems/%s","title":"%s","status":%d,"detail":"%s"}"""
                    .formatted(type, type, status, detail);
        }

        private static String machinePage() {
            var machines = new ArrayList<String>();
            String[][] rows = {
                {"web-1", "generic", "Running", "\"tcp://192.0.2.10:2376\""},
                {"web-2", "generic", "Stopped", "null"},
                {"db-10", "none", "Error", "\"tcp://192.0.2.11:2376\""}};
            for (var row : rows) {
                machines.add("""
                        {"id":"%s","teamId":"%s","teamName":"training","name":"%s","driver":"%s","state":"%s",\
                        "holder":"%s","holderName":"trainer","dockerUrl":%s,\
                        "createdAt":"2026-01-02T03:04:05Z","updatedAt":"2026-01-02T04:04:05Z"}"""
                        .formatted(UUID.randomUUID(), UUID.randomUUID(), row[0], row[1], row[2], UUID.randomUUID(),
                                row[3]));
            }
            return "{\"items\":[" + String.join(",", machines) + "],\"page\":0,\"size\":100,\"total\":3}";
        }

        @Override
        public void close() throws IOException {
            socket.close();
            try {
                acceptor.join(1000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
