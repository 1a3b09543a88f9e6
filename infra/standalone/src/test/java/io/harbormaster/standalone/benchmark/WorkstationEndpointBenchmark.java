package io.harbormaster.standalone.benchmark;

import io.harbormaster.standalone.BenchmarkMain;
import io.harbormaster.api.user.UserId;
import io.harbormaster.command.secret.vault.VaultStandIn;
import io.harbormaster.standalone.HarbormasterApplication;
import io.harbormaster.security.account.AccountStore;
import io.harbormaster.testing.TestPostgres;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import tools.jackson.databind.json.JsonMapper;

/**
 * Latency of the two workstation endpoints, {@code GET /api/machines/{id}/env} and
 * {@code POST /api/machines/{id}/client-bundle}, with the sealed database secret store and then with Vault (the
 * {@link VaultStandIn}). Each run starts the whole platform on a fresh database, creates one machine with the
 * {@code none} driver, warms up, then times sequential calls from one HttpClient on loopback with a Bearer API token
 * (not Basic: a password check per call would measure the password hash, not the endpoint).
 *
 * <p>Every call issues a client certificate, which the machine records as an event, so the commands behind the
 * endpoints load a machine whose history grows with each call: {@code client-bundle} is timed on a fresh machine and
 * on one grown to {@code history} events beforehand, a call to each in turn (the warm-up runs on a third machine).
 * The calls/s column is over the time spent in that row's calls.
 *
 * <p>Arguments (all optional): {@code calls=500 warmup=200 history=1600 stores=sealed,vault}; arguments starting with
 * {@code --} are the platform's settings, e.g. {@code --harbormaster.machines.snapshot-threshold=0}.
 */
public final class WorkstationEndpointBenchmark {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String ADMIN_PASSWORD = "admin-password-for-the-benchmark";
    private static List<String> platformSettings = List.of();

    private WorkstationEndpointBenchmark() {
    }

    public static void main(String[] args) {
        BenchmarkMain.run(args, WorkstationEndpointBenchmark::run);
    }

    private static void run(String[] args) throws Exception {
        var calls = intArg(args, "calls", 500);
        var warmup = intArg(args, "warmup", 200);
        var history = intArg(args, "history", 1600);
        var stores = stringArg(args, "stores", "sealed,vault").split(",");
        platformSettings = Arrays.stream(args).filter(arg -> arg.startsWith("--")).toList();
        var rows = new ArrayList<Row>();
        for (var store : stores) {
            rows.addAll(switch (store) {
                case "sealed" -> measure("sealed", List.of(), calls, warmup, history);
                case "vault" -> {
                    try (var vault = VaultStandIn.start()) {
                        yield measure("vault stand-in", List.of(
                                "--harbormaster.secrets.store=vault",
                                "--harbormaster.secrets.vault.address=" + vault.address(),
                                "--harbormaster.secrets.vault.token=" + vault.rootToken()), calls, warmup,
                                history);
                    }
                }
                default -> throw new IllegalArgumentException("unknown store " + store + ": use sealed or vault");
            });
        }
        System.out.printf(Locale.ROOT, "%nN=%d sequential calls per row after %d warm-up calls; settings %s; load average %s%n",
                calls, warmup, platformSettings, Files.readString(Path.of("/proc/loadavg")).trim());
        System.out.println("| store | endpoint | machine's events | median ms | p95 ms | p99 ms | mean ms | calls/s |");
        System.out.println("|---|---|---|---:|---:|---:|---:|---:|");
        rows.forEach(row -> System.out.println(row.markdown()));
    }

    private static List<Row> measure(String store, List<String> storeSettings, int calls, int warmup, int history)
            throws Exception {
        var home = Files.createTempDirectory("hm-bench-home");
        var database = TestPostgres.freshDatabase();
        var settings = new ArrayList<>(List.of(
                "--spring.datasource.url=" + database.url(),
                "--spring.datasource.username=" + database.user(),
                "--spring.datasource.password=" + database.password(),
                "--server.port=0",
                "--harbormaster.home=" + home,
                "--spring.main.banner-mode=off",
                // the benchmark's machine points at loopback, which the platform refuses by default
                "--harbormaster.network.allow=127.0.0.0/8",
                "--harbormaster.network.deny=",
                "--logging.level.root=WARN"));
        settings.addAll(storeSettings);
        settings.addAll(platformSettings);
        // Command-line arguments: they outrank application.yml, as default properties would not.
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(HarbormasterApplication.class)
                .run(settings.toArray(String[]::new))) {
            setAdminPassword(context);
            var base = "http://127.0.0.1:" + ((WebServerApplicationContext) context).getWebServer().getPort();
            var http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
            var basic = "Basic " + Base64.getEncoder()
                    .encodeToString(("admin:" + ADMIN_PASSWORD).getBytes(StandardCharsets.UTF_8));
            var token = "Bearer " + field(send(http, post(base, "/api/tokens", basic,
                    "{\"name\":\"bench\",\"expiresInDays\":1}"), 201), "token");
            var team = field(send(http, post(base, "/api/teams", token, "{\"name\":\"bench-team\"}"), 200, 201),
                    "teamId");
            // Every call of either endpoint issues a client certificate, an event of the machine: the warm-up runs
            // on a machine of its own so the measured one starts fresh.
            var warm = createMachine(http, base, token, team, "bench-warm");
            for (var i = 0; i < warmup; i++) {
                send(http, env(base, warm, token), 200);
                send(http, bundle(base, warm, token), 200);
            }
            var jdbc = context.getBean(JdbcClient.class);
            var old = createMachine(http, base, token, team, "bench-long-history");
            while (events(jdbc, old) < history) {
                send(http, bundle(base, old, token), 200);
            }
            var fresh = createMachine(http, base, token, team, "bench-fresh");
            var rows = new ArrayList<Row>();
            rows.add(time(store, "GET env", http, calls, jdbc, new Target(fresh, env(base, fresh, token))).getFirst());
            // Call by call in turn, so both rows see the same JIT state and the same load on the machine.
            rows.addAll(time(store, "POST client-bundle", http, calls, jdbc,
                    new Target(fresh, bundle(base, fresh, token)), new Target(old, bundle(base, old, token))));
            return rows;
        }
    }

    /** A machine and the request timed against it. */
    private record Target(String machine, HttpRequest request) {
    }

    private static String createMachine(HttpClient http, String base, String token, String team, String name)
            throws Exception {
        var machine = field(send(http, post(base, "/api/machines", token, """
                {"team":"%s","name":"%s","driver":"none","driverOptions":{"url":"tcp://127.0.0.1:2376"}}"""
                .formatted(team, name)), 202), "machineId");
        awaitRunning(http, get(base, "/api/machines/" + machine, token));
        return machine;
    }

    private static HttpRequest env(String base, String machine, String token) {
        return get(base, "/api/machines/" + machine + "/env?shell=bash&certPath=/x", token);
    }

    private static HttpRequest bundle(String base, String machine, String token) {
        return post(base, "/api/machines/" + machine + "/client-bundle", token, "");
    }

    /** How many events the machine has: what loading it from its history costs, without a snapshot. */
    private static long events(JdbcClient jdbc, String machine) {
        return jdbc.sql("SELECT count(*) FROM domain_event_entry WHERE aggregate_identifier = ?").param(machine)
                .query(Long.class).single();
    }

    /** Times {@code calls} requests to each target, taking the targets in turn; one row per target. */
    private static List<Row> time(String store, String endpoint, HttpClient http, int calls, JdbcClient jdbc,
                                  Target... targets) throws IOException, InterruptedException {
        var eventsBefore = new long[targets.length];
        var nanos = new long[targets.length][calls];
        for (var t = 0; t < targets.length; t++) {
            eventsBefore[t] = events(jdbc, targets[t].machine());
        }
        for (var i = 0; i < calls; i++) {
            for (var t = 0; t < targets.length; t++) {
                var before = System.nanoTime();
                send(http, targets[t].request(), 200);
                nanos[t][i] = System.nanoTime() - before;
            }
        }
        var rows = new ArrayList<Row>();
        for (var t = 0; t < targets.length; t++) {
            var sorted = nanos[t];
            Arrays.sort(sorted);
            var total = Arrays.stream(sorted).sum();
            var row = new Row(store, endpoint, eventsBefore[t] + "–" + events(jdbc, targets[t].machine()),
                    millis(percentile(sorted, 50)), millis(percentile(sorted, 95)), millis(percentile(sorted, 99)),
                    millis(total / calls), calls / (total / 1e9));
            System.out.println(row.markdown());
            rows.add(row);
        }
        return rows;
    }

    private static long percentile(long[] sorted, int percent) {
        // Nearest rank.
        var rank = (int) Math.ceil(percent / 100.0 * sorted.length);
        return sorted[Math.max(0, rank - 1)];
    }

    private static double millis(long nanos) {
        return nanos / 1e6;
    }

    private static void setAdminPassword(ConfigurableApplicationContext context) {
        var admin = context.getBean(JdbcClient.class)
                .sql("SELECT user_id::text FROM sec_account WHERE username = 'admin'").query(String.class).single();
        context.getBean(AccountStore.class).setPasswordHash(UserId.of(admin),
                context.getBean(PasswordEncoder.class).encode(ADMIN_PASSWORD), Instant.now());
    }

    private static void awaitRunning(HttpClient http, HttpRequest machine) throws Exception {
        var deadline = Instant.now().plusSeconds(60);
        while (Instant.now().isBefore(deadline)) {
            // 404 until the read side has seen the machine.
            var response = send(http, machine, 200, 404);
            if (response.statusCode() == 200 && "Running".equals(field(response, "state"))) {
                return;
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("the benchmark machine did not reach Running within 60 s");
    }

    private static HttpRequest get(String base, String path, String authorization) {
        return HttpRequest.newBuilder(URI.create(base + path)).header("Authorization", authorization).GET().build();
    }

    private static HttpRequest post(String base, String path, String authorization, String json) {
        return HttpRequest.newBuilder(URI.create(base + path)).header("Authorization", authorization)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)).build();
    }

    private static HttpResponse<byte[]> send(HttpClient http, HttpRequest request, int... expected)
            throws IOException, InterruptedException {
        var response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        if (Arrays.stream(expected).noneMatch(status -> status == response.statusCode())) {
            // Status only: a body could hold a token or key material.
            throw new IllegalStateException(request.method() + " " + request.uri().getPath() + " answered "
                    + response.statusCode() + ", expected " + Arrays.toString(expected));
        }
        return response;
    }

    private static String field(HttpResponse<byte[]> response, String name) {
        return JSON.readTree(response.body()).path(name).asString();
    }

    private static int intArg(String[] args, String name, int fallback) {
        return Integer.parseInt(stringArg(args, name, String.valueOf(fallback)));
    }

    private static String stringArg(String[] args, String name, String fallback) {
        return Arrays.stream(args).filter(arg -> arg.startsWith(name + "=")).map(arg -> arg.substring(name.length() + 1))
                .findFirst().orElse(fallback);
    }

    /** One line of the results table. */
    private record Row(String store, String endpoint, String history, double median, double p95, double p99,
                       double mean, double perSecond) {

        String markdown() {
            return String.format(Locale.ROOT, "| %s | %s | %s | %.2f | %.2f | %.2f | %.2f | %.0f |", store,
                    endpoint, history, median, p95, p99, mean, perSecond);
        }
    }
}
