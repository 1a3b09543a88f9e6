package io.harbormaster.standalone;

import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A load generator for the REST API, as the platform's users drive it: {@code clients} clients each send their next
 * request when the previous one is answered, until {@code requests} requests are done or {@code seconds} have passed,
 * whichever comes first. It only talks to loopback (the platform in this JVM, or one behind a load balancer on this
 * machine), signs in once and then uses an API token, as scripts do.
 *
 * <p>Scenarios: {@code create} (a {@code none} machine per request); {@code lifecycle} (create, stop, start per
 * sequence, each step waited for in the machine list: it reports the commands per second and how long after each
 * {@code 202} the read side showed the result); {@code list} (the first page of the team's machines, as
 * {@code role=admin}, {@code role=member}, or {@code role=admin,member} one after the other).
 *
 * <p>Arguments (all optional): {@code url=http://127.0.0.1:8080 user=admin password=... team=<id> scenario=create
 * clients=8 requests=2000 seconds=60 warmup=100 machines=0 role=admin}. Without {@code url} the platform is started
 * in this JVM on a fresh test database ({@code HM_TEST_POSTGRES_*}); {@code machines} then creates that many
 * machines in the team first (through the command gateway) for the list scenario.
 */
public final class ApiLoadGenerator {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .version(HttpClient.Version.HTTP_1_1).build();
    private final String baseUrl;
    private final String authorization;

    private ApiLoadGenerator(String baseUrl, String authorization) {
        this.baseUrl = baseUrl;
        this.authorization = authorization;
    }

    public static void main(String[] args) {
        BenchmarkMain.run(args, ApiLoadGenerator::run);
    }

    static void run(String[] args) throws Exception {
        var options = arguments(args);
        var scenario = options.getOrDefault("scenario", "create");
        var clients = Integer.parseInt(options.getOrDefault("clients", "8"));
        var requests = Integer.parseInt(options.getOrDefault("requests", "2000"));
        var seconds = Integer.parseInt(options.getOrDefault("seconds", "60"));
        var warmup = Integer.parseInt(options.getOrDefault("warmup", "100"));
        if (clients < 1 || clients > 256 || requests < 1 || requests > 1_000_000 || seconds < 1 || seconds > 3600) {
            throw new IllegalArgumentException("clients must be 1-256, requests 1-1,000,000, seconds 1-3,600");
        }
        RunningPlatform platform = null;
        try {
            String url;
            String user;
            String password;
            if (options.containsKey("url")) {
                url = options.get("url").replaceAll("/+$", "");
                user = options.getOrDefault("user", "admin");
                password = options.get("password");
                if (password == null) {
                    throw new IllegalArgumentException("password= is needed with url=");
                }
            } else {
                platform = RunningPlatform.startOnFreshDatabase("--logging.level.root=WARN");
                url = platform.baseUrl();
                user = "admin";
                password = RunningPlatform.ADMIN_PASSWORD;
            }
            requireLoopback(url);
            var admin = signIn(url, user, password);
            var team = options.containsKey("team") ? options.get("team")
                    : admin.post("/api/teams", "{\"name\":\"load-" + shortId() + "\"}").path("teamId").asString();
            var machines = Integer.parseInt(options.getOrDefault("machines", "0"));
            if (machines > 0) {
                if (platform == null) {
                    throw new IllegalArgumentException("machines= needs the platform in this JVM (no url=)");
                }
                var holder = platform.jdbc().sql("SELECT user_id::text FROM sec_account WHERE username = 'admin'")
                        .query(String.class).single();
                var took = HmCliBenchmark.createNoneMachines(platform, team, holder, machines);
                HmCliBenchmark.awaitListed(platform, machines);
                // the other projections (audit, teams) catch up too: the figures are the list's own
                HmCliBenchmark.awaitQuiet(platform);
                System.out.printf(Locale.ROOT, "%d machines created in %.1f s%n", machines, took.toMillis() / 1e3);
            }
            System.out.printf(Locale.ROOT, "%s against %s: %d clients, at most %d requests or %d s (after %d to warm "
                    + "up)%n", scenario, url, clients, requests, seconds, warmup);
            for (var role : options.getOrDefault("role", "admin").split(",")) {
                var as = switch (role) {
                    case "admin" -> admin;
                    case "member" -> admin.member(team, url);
                    default -> throw new IllegalArgumentException("role must be admin or member, not " + role);
                };
                System.out.println("as " + role + ":");
                var load = new Load(as, team, scenario);
                load.run(clients, warmup, 60);
                load.run(clients, requests, seconds).print();
            }
        } finally {
            if (platform != null) {
                platform.close();
            }
        }
    }

    /** A run's figures: every request's latency by kind, the read side's delay after each command, the refusals. */
    private static final class Figures {
        final Map<String, ConcurrentLinkedQueue<Long>> latencies = new ConcurrentHashMap<>();
        final ConcurrentLinkedQueue<Long> visible = new ConcurrentLinkedQueue<>();
        final Map<String, LongAdder> refused = new ConcurrentHashMap<>();
        final LongAdder commands = new LongAdder();
        long nanos;

        void took(String kind, long nanos) {
            latencies.computeIfAbsent(kind, k -> new ConcurrentLinkedQueue<>()).add(nanos);
        }

        void print() {
            var elapsed = nanos / 1e9;
            latencies.forEach((kind, all) -> System.out.printf(Locale.ROOT,
                    "%-10s %6d answered in %.1f s = %7.1f/s  latency %s%n", kind, all.size(), elapsed,
                    all.size() / elapsed, summary(all)));
            if (commands.sum() > 0) {
                System.out.printf(Locale.ROOT, "commands   %6d accepted = %.1f/s%n", commands.sum(),
                        commands.sum() / elapsed);
            }
            if (!visible.isEmpty()) {
                System.out.printf(Locale.ROOT, "read side shows the result after the 202: %s%n", summary(visible));
            }
            refused.forEach((why, count) -> System.out.printf(Locale.ROOT, "refused    %6d %s%n", count.sum(), why));
        }

        private static String summary(ConcurrentLinkedQueue<Long> nanos) {
            var sorted = nanos.stream().mapToLong(Long::longValue).sorted().toArray();
            return String.format(Locale.ROOT, "p50 %.1f / p95 %.1f / p99 %.1f / max %.1f ms", at(sorted, 0.50),
                    at(sorted, 0.95), at(sorted, 0.99), sorted[sorted.length - 1] / 1e6);
        }

        private static double at(long[] sorted, double quantile) {
            return sorted[Math.min(sorted.length - 1, (int) Math.ceil(quantile * sorted.length) - 1)] / 1e6;
        }
    }

    /** One scenario against one team; each run counts its own requests. */
    private static final class Load {
        private final ApiLoadGenerator api;
        private final String team;
        private final String scenario;
        private final AtomicInteger names = new AtomicInteger();

        Load(ApiLoadGenerator api, String team, String scenario) {
            if (!List.of("create", "lifecycle", "list").contains(scenario)) {
                throw new IllegalArgumentException("scenario must be create, lifecycle or list");
            }
            this.api = api;
            this.team = team;
            this.scenario = scenario;
        }

        Figures run(int clients, int requests, int seconds) throws InterruptedException {
            var figures = new Figures();
            var next = new AtomicInteger();
            var deadline = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
            var failures = new ConcurrentLinkedQueue<Throwable>();
            var started = System.nanoTime();
            try (var pool = Executors.newFixedThreadPool(clients)) {
                for (int c = 0; c < clients; c++) {
                    pool.submit(() -> {
                        try {
                            while (next.getAndIncrement() < requests && System.nanoTime() < deadline) {
                                one(figures);
                            }
                        } catch (RuntimeException e) {
                            failures.add(e);
                        }
                    });
                }
            }
            figures.nanos = System.nanoTime() - started;
            if (!failures.isEmpty()) {
                throw new IllegalStateException("a client stopped: " + failures.peek().getMessage(), failures.peek());
            }
            return figures;
        }

        private void one(Figures figures) {
            switch (scenario) {
                case "create" -> create(figures);
                case "list" -> {
                    var answer = timed(figures, "list", () -> api.get("/api/machines?team=" + team + "&size=50"));
                    if (answer.status() != 200) {
                        figures.refused.computeIfAbsent("HTTP " + answer.status(), k -> new LongAdder()).increment();
                    }
                }
                default -> lifecycle(figures);
            }
        }

        private String create(Figures figures) {
            var n = names.incrementAndGet();
            var body = "{\"team\":\"%s\",\"name\":\"load-%s-%d\",\"driver\":\"none\",\"driverOptions\":{\"url\":"
                    + "\"tcp://127.0.0.1:%d\"}}";
            var answer = timed(figures, "create", () -> api.send("POST", "/api/machines",
                    body.formatted(team, shortId(), n, 20000 + n % 1000)));
            return accepted(figures, answer) ? answer.json().path("machineId").asString() : null;
        }

        /** Create, stop, start; each step's result is awaited in the read side before the next is sent. */
        private void lifecycle(Figures figures) {
            var created = System.nanoTime();
            var id = create(figures);
            if (id == null || !awaitState(figures, id, "Running", created)) {
                return;
            }
            for (var step : List.of("stop:Stopped", "start:Running")) {
                var action = step.substring(0, step.indexOf(':'));
                var sent = System.nanoTime();
                var answer = timed(figures, action, () -> api.send("POST", "/api/machines/" + id + "/" + action,
                        null));
                if (!accepted(figures, answer) || !awaitState(figures, id, step.substring(step.indexOf(':') + 1),
                        sent)) {
                    return;
                }
            }
        }

        private boolean awaitState(Figures figures, String id, String state, long sent) {
            var deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (System.nanoTime() < deadline) {
                var detail = api.send("GET", "/api/machines/" + id, null);
                if (detail.status() == 200 && state.equals(detail.json().path("state").asString())) {
                    figures.visible.add(System.nanoTime() - sent);
                    return true;
                }
                sleep(5);
            }
            figures.refused.computeIfAbsent("not " + state + " within 30 s", k -> new LongAdder()).increment();
            return false;
        }

        private static boolean accepted(Figures figures, Answer answer) {
            if (answer.status() / 100 == 2) {
                figures.commands.increment();
                return true;
            }
            figures.refused.computeIfAbsent("HTTP " + answer.status() + " " + answer.json().path("type")
                    .asString(""), k -> new LongAdder()).increment();
            return false;
        }

        private static Answer timed(Figures figures, String kind, java.util.function.Supplier<Answer> request) {
            var started = System.nanoTime();
            var answer = request.get();
            figures.took(kind, System.nanoTime() - started);
            return answer;
        }
    }

    record Answer(int status, String body) {
        JsonNode json() {
            return body.isBlank() ? JSON.createObjectNode() : JSON.readTree(body);
        }
    }

    private static ApiLoadGenerator signIn(String url, String user, String password) {
        var basic = new ApiLoadGenerator(url, "Basic " + Base64.getEncoder()
                .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
        var token = basic.post("/api/tokens", "{\"name\":\"load-" + shortId() + "\",\"expiresInDays\":1}")
                .path("token").asString();
        return new ApiLoadGenerator(url, "Bearer " + token);
    }

    /** A new member of the team, signed in with a token of its own. */
    private ApiLoadGenerator member(String team, String url) {
        var name = "load-member-" + shortId();
        var password = "load-" + UUID.randomUUID();
        var id = post("/api/users", "{\"username\":\"%s\",\"displayName\":\"%s\"}".formatted(name, name))
                .path("userId").asString();
        expect(send("PUT", "/api/users/" + id + "/password", "{\"password\":\"" + password + "\"}"));
        post("/api/teams/" + team + "/members", "{\"userId\":\"%s\",\"role\":\"MEMBER\"}".formatted(id));
        return signIn(url, name, password);
    }

    private JsonNode post(String path, String json) {
        return expect(send("POST", path, json)).json();
    }

    private Answer get(String path) {
        return send("GET", path, null);
    }

    private static Answer expect(Answer answer) {
        if (answer.status() / 100 != 2) {
            throw new IllegalStateException("HTTP " + answer.status() + ": " + answer.body());
        }
        return answer;
    }

    private Answer send(String method, String path, String json) {
        var request = HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(60))
                .header("Authorization", authorization)
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        try {
            var response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response.body());
        } catch (IOException e) {
            throw new IllegalStateException(method + " " + path + " failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The generator sends traffic to this machine only. */
    static void requireLoopback(String url) throws IOException {
        var host = URI.create(url).getHost();
        if (host == null || !Arrays.stream(InetAddress.getAllByName(host)).allMatch(InetAddress::isLoopbackAddress)) {
            throw new IllegalArgumentException("the load generator only sends to loopback addresses, not " + url);
        }
    }

    private static Map<String, String> arguments(String[] args) {
        var options = new HashMap<String, String>();
        for (var arg : args) {
            var eq = arg.indexOf('=');
            if (eq < 1) {
                throw new IllegalArgumentException("arguments are name=value, not " + arg);
            }
            options.put(arg.substring(0, eq), arg.substring(eq + 1));
        }
        return options;
    }

    private static String shortId() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
