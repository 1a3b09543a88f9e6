package io.harbormaster.standalone;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Debian's HAProxy on loopback in front of replica processes, with the deployment's own configuration
 * ({@code deploy/compose/haproxy.cfg}): readiness checks, the portal's affinity cookie, retries of refused
 * connections, and the fallback to live nodes when none is ready. Only what loopback needs is changed: the listening
 * address, the servers' addresses (servers without a replica are left out), a check every 500 ms, and a stats
 * listener through which the test sees which servers HAProxy counts as up.
 */
final class HaproxyInFront implements AutoCloseable {

    private static final Path CONFIG = Path.of(System.getProperty("user.dir")).resolve("../../deploy/compose/haproxy.cfg")
            .normalize();
    private static final Pattern SERVER = Pattern.compile("^(\\s*server )(harbormaster-(\\d+)) harbormaster-\\d+:8080(.*)$",
            Pattern.MULTILINE);
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final Process process;
    private final int port;
    private final int statsPort;
    private final Path directory;

    private HaproxyInFront(Process process, int port, int statsPort, Path directory) {
        this.process = process;
        this.port = port;
        this.statsPort = statsPort;
        this.directory = directory;
    }

    /** HAProxy in front of {@code replicas} (at most three, named like the deployment's nodes by position). */
    static HaproxyInFront start(List<ReplicaProcess> replicas) {
        try {
            var directory = Files.createTempDirectory(Files.createDirectories(Path.of("target", "replicas")),
                    "haproxy-");
            var port = freePort();
            var statsPort = freePort();
            var config = directory.resolve("haproxy.cfg");
            Files.writeString(config, loopback(Files.readString(CONFIG), replicas, port, statsPort));
            var process = new ProcessBuilder("haproxy", "-db", "-f", config.toString()).redirectErrorStream(true)
                    .redirectOutput(directory.resolve("haproxy.log").toFile()).start();
            var haproxy = new HaproxyInFront(process, port, statsPort, directory);
            haproxy.awaitListening();
            return haproxy;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String loopback(String config, List<ReplicaProcess> replicas, int port, int statsPort) {
        var text = replaceOnce(config, "(?m)^(\\s*)bind :8080$", "$1bind 127.0.0.1:" + port);
        text = text.replace("check inter 5s fall 3 rise 2 resolvers docker init-addr last,libc,none",
                "check inter 500ms fall 2 rise 2");
        text = text.replaceAll("(?m)^.*log stdout format raw local0$", "").replaceAll("(?m)^\\s*log global$", "");
        text = text.replaceAll("(?ms)^resolvers docker$.*?(?=^\\S)", "");
        var matcher = SERVER.matcher(text);
        var out = new StringBuilder();
        while (matcher.find()) {
            var index = Integer.parseInt(matcher.group(3)) - 1;
            matcher.appendReplacement(out, index < replicas.size()
                    ? Matcher.quoteReplacement(matcher.group(1) + matcher.group(2) + " 127.0.0.1:"
                            + replicas.get(index).port() + matcher.group(4))
                    : "");
        }
        matcher.appendTail(out);
        return out + """

                listen stats
                    bind 127.0.0.1:%d
                    mode http
                    stats enable
                    stats uri /stats
                """.formatted(statsPort);
    }

    private static String replaceOnce(String text, String regex, String replacement) {
        var replaced = text.replaceFirst(regex, replacement);
        if (replaced.equals(text)) {
            throw new IllegalStateException(CONFIG + " changed shape (" + regex + "): update HaproxyInFront");
        }
        return replaced;
    }

    String url() {
        return "http://127.0.0.1:" + port;
    }

    /** Per server of the readiness backend, HAProxy's status of it: UP, DOWN, or a transition like "UP 1/2". */
    Map<String, String> readyServers() {
        try {
            var csv = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + statsPort + "/stats;csv"))
                    .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString()).body();
            return csv.lines().map(line -> line.split(","))
                    .filter(fields -> fields.length > 17 && fields[0].equals("harbormaster_nodes")
                            && fields[1].startsWith("harbormaster-"))
                    .collect(Collectors.toMap(fields -> fields[1], fields -> fields[17]));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Waits until HAProxy counts {@code server} (e.g. harbormaster-1) as {@code status} (UP or DOWN). */
    void awaitServer(String server, String status, Duration within) {
        var deadline = System.nanoTime() + within.toNanos();
        while (!status.equals(readyServers().get(server))) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(server + " not " + status + " within " + within + ": "
                        + readyServers());
            }
            ReplicaProcess.pause(100);
        }
    }

    private void awaitListening() {
        var deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (true) {
            try (var socket = new java.net.Socket("127.0.0.1", port)) {
                return;
            } catch (IOException e) {
                if (!process.isAlive() || System.nanoTime() > deadline) {
                    throw new IllegalStateException("HAProxy did not start: " + log());
                }
                ReplicaProcess.pause(100);
            }
        }
    }

    String log() {
        try {
            return Files.readString(directory.resolve("haproxy.log"));
        } catch (IOException e) {
            return e.getMessage();
        }
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static int freePort() throws IOException {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
