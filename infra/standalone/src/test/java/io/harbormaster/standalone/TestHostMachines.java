package io.harbormaster.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import io.harbormaster.testing.TestHost;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * What the end-to-end tests with generic machines on real test hosts share: SSH keys made by {@code ssh-keygen},
 * create requests as a user would send them, waiting for a machine to settle, and bringing hosts down whatever
 * happened in the test.
 */
final class TestHostMachines {

    private TestHostMachines() {
    }

    /** A fresh unencrypted Ed25519 key pair in {@code dir}; answers the private key file ({@code <file>.pub} beside). */
    static Path newKey(Path dir, String name) {
        var key = dir.resolve(name);
        run(dir, List.of("ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-C", "harbormaster-" + name, "-f",
                key.toString()));
        return key;
    }

    static Path publicKey(Path privateKey) {
        return Path.of(privateKey + ".pub");
    }

    static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The body of {@code POST /api/machines} for a generic machine at {@code ip} with a user's own private key. */
    static String createRequest(String team, String name, String ip, String privateKeyText) {
        return """
                {"team":"%s","name":"%s","driver":"generic","driverOptions":{"ip-address":"%s"},"sshKey":%s}"""
                .formatted(team, name, ip, json(privateKeyText));
    }

    /** Twenty characters from the middle of a private key's base64 body: what a leaked key would show. */
    static String bodySlice(String privateKeyText) {
        var body = privateKeyText.lines().filter(line -> !line.startsWith("-----")).reduce("", String::concat);
        return body.substring(body.length() / 2 - 10, body.length() / 2 + 10);
    }

    /** Polls the machine until it is Running or in Error, for at most {@code within}. */
    static ApiClient.Response awaitSettled(ApiClient api, String machineId, Duration within) {
        return await(() -> api.get("/api/machines/" + machineId),
                r -> List.of("Running", "Error").contains(r.text("state")), within);
    }

    /** Polls {@code call} every 100 ms until {@code done} holds or {@code within} passed; answers the last response. */
    static ApiClient.Response await(Supplier<ApiClient.Response> call, Predicate<ApiClient.Response> done,
                                    Duration within) {
        return await(call, done, within, Duration.ofMillis(100));
    }

    /** Polls {@code call} every {@code poll} until {@code done} holds or {@code within} passed; answers the last. */
    static ApiClient.Response await(Supplier<ApiClient.Response> call, Predicate<ApiClient.Response> done,
                                    Duration within, Duration poll) {
        var deadline = System.nanoTime() + within.toNanos();
        var last = call.get();
        while (!done.test(last) && System.nanoTime() < deadline) {
            pause(poll);
            last = call.get();
        }
        return last;
    }

    /** The machine's history, oldest first, as {@code action: summary} lines. */
    static List<String> history(ApiClient api, String machineId) {
        var response = api.get("/api/machines/" + machineId + "/history?size=100");
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json().path("items").valueStream()
                .map(item -> item.path("action").asString() + ": " + item.path("summary").asString())
                .toList().reversed();
    }

    static List<String> actions(List<String> history) {
        return history.stream().map(line -> line.substring(0, line.indexOf(':'))).toList();
    }

    /** Stops the platform (when it started), then brings every host down, even when stopping failed. */
    static void stopAll(RunningPlatform platform, Collection<TestHost> hosts) {
        try {
            if (platform != null) {
                platform.close();
            }
        } finally {
            downAll(List.copyOf(hosts));
        }
    }

    /** Brings every host down, each even when another fails, so no test leaves a host behind. */
    static void downAll(Collection<TestHost> hosts) {
        var failures = new ArrayList<RuntimeException>();
        for (var host : hosts) {
            try {
                host.down();
            } catch (RuntimeException e) {
                failures.add(e);
            }
        }
        if (!failures.isEmpty()) {
            var first = failures.getFirst();
            failures.stream().skip(1).forEach(first::addSuppressed);
            throw first;
        }
    }

    static void pause(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static String json(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\"";
    }

    /** Runs {@code command} in {@code dir} with stdin closed; answers its output (stderr included), stripped. */
    static String run(Path dir, List<String> command) {
        try {
            var process = new ProcessBuilder(command).redirectErrorStream(true).directory(dir.toFile()).start();
            process.getOutputStream().close();
            if (!process.waitFor(120, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError(command + " did not finish within 120 s");
            }
            var output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(process.exitValue()).as("%s failed: %s", command, output).isZero();
            return output.strip();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
