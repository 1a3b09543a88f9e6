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
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * One replica of the platform as a process of its own (the test's class path, {@link HarbormasterApplication}), with
 * its own home, port and Axon node id, its console and log in one file. A test kills it with SIGKILL as a crash
 * would, or stops it as an operator would; a replica never shares a JVM with another (the acting context is
 * static).
 */
final class ReplicaProcess implements AutoCloseable {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final String name;
    private final List<String> command;
    private final Path log;
    private final int port;
    private Process process;

    private ReplicaProcess(String name, List<String> command, Path log, int port) {
        this.name = name;
        this.command = command;
        this.log = log;
        this.port = port;
    }

    /** Starts {@code name} with {@code settings} ({@code --key=value}); returns at once, see {@link #awaitReady}. */
    static ReplicaProcess start(String name, Path directory, List<String> settings) {
        try {
            var home = Files.createDirectories(directory.resolve(name));
            var port = freePort();
            var java = ProcessHandle.current().info().command().orElse("java");
            // the launcher's own JVM options (./harbormaster), so a replica's memory is what a node's would be
            var command = new ArrayList<>(List.of(java, "-Xms96m", "-Xmx240m", "-Xmn48m", "-XX:+UseSerialGC",
                    "-XX:MaxMetaspaceSize=256m"));
            // the benchmarks' launch scripts set it; the replicas need the same Vaadin mode as their parent
            if (System.getProperty("vaadin.productionMode") != null) {
                command.add("-Dvaadin.productionMode=" + System.getProperty("vaadin.productionMode"));
            }
            command.addAll(List.of("-cp", System.getProperty("java.class.path"),
                    HarbormasterApplication.class.getName(),
                    "--harbormaster.home=" + home, "--server.port=" + port, "--harbormaster.axon.node-id=" + name,
                    "--spring.main.banner-mode=off"));
            command.addAll(settings);
            var replica = new ReplicaProcess(name, command, directory.resolve(name + ".log"), port);
            replica.launch();
            return replica;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What every replica in the tests gets: the database, no reconciler, the test hosts' networks allowed. */
    static List<String> testSettings(String url, String user, String password) {
        return List.of("--spring.datasource.url=" + url, "--spring.datasource.username=" + user,
                "--spring.datasource.password=" + password, "--harbormaster.reconciler.interval=0",
                "--harbormaster.network.allow=127.0.0.0/8,10.213.0.0/16", "--harbormaster.network.deny=");
    }

    private void launch() throws IOException {
        var builder = new ProcessBuilder(command);
        builder.environment().put("MALLOC_ARENA_MAX", "2");
        process = builder.redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
    }

    String name() {
        return name;
    }

    int port() {
        return port;
    }

    String url() {
        return "http://127.0.0.1:" + port;
    }

    boolean alive() {
        return process != null && process.isAlive();
    }

    /** Waits until readiness answers 200; fails with the end of the replica's output if it dies or takes too long. */
    ReplicaProcess awaitReady(Duration within) {
        var deadline = System.nanoTime() + within.toNanos();
        while (readiness() != 200) {
            if (!alive()) {
                throw new IllegalStateException(name + " exited (" + process.exitValue() + "):\n" + tail(60));
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(name + " not ready within " + within + ":\n" + tail(60));
            }
            pause(250);
        }
        return this;
    }

    /** The readiness probe's status, or -1 when nothing answers. */
    int readiness() {
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create(url() + "/actuator/health/readiness"))
                    .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    /** SIGKILL: no shutdown hook, no graceful stop, claims and leases left behind as after a crash. */
    void kill() {
        process.destroyForcibly();
        waitForExit();
    }

    /** Starts the same replica again (same home, port and node id), appending to its log. */
    void restart() {
        if (alive()) {
            throw new IllegalStateException(name + " still runs");
        }
        try {
            launch();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Everything the replica printed so far (its console and log). */
    String output() {
        try {
            return Files.exists(log) ? Files.readString(log) : "";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String tail(int lines) {
        var all = output().lines().toList();
        return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
    }

    /** The resident memory of the replica's JVM in bytes (from /proc), 0 when it is not running. */
    long residentBytes() {
        try {
            return Files.readAllLines(Path.of("/proc/" + process.pid() + "/status")).stream()
                    .filter(line -> line.startsWith("VmRSS:"))
                    .map(line -> Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024)
                    .findFirst().orElse(0L);
        } catch (IOException e) {
            return 0;
        }
    }

    /** CPU time the replica's JVM used so far (user and system), from /proc; 0 when it is not running. */
    double cpuSeconds() {
        try {
            var stat = Files.readString(Path.of("/proc/" + process.pid() + "/stat"));
            var fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / 100.0; // USER_HZ
        } catch (IOException e) {
            return 0;
        }
    }

    @Override
    public void close() {
        if (alive()) {
            process.destroy();
            waitForExit();
        }
    }

    private void waitForExit() {
        try {
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
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

    static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
