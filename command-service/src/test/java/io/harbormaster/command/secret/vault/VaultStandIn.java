package io.harbormaster.command.secret.vault;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A STAND-IN for HashiCorp Vault in tests, not Vault: a small HTTP server on 127.0.0.1 answering the few parts of
 * Vault's documented HTTP API that {@link VaultSecretStore} uses, with the documented response shapes — KV version 2
 * read, write, metadata read, list and delete-all ({@code /v1/<mount>/data|metadata/<path>}), token lookup-self,
 * AppRole login and {@code sys/health}. Tokens are checked against a {@link StandInPolicy} (403
 * {@code permission denied} otherwise). Switches make it sealed (503 {@code Vault is sealed}) or answer 500 a few
 * times. No leases, no namespaces (the header is only recorded), no check-and-set, no soft delete. Public only so
 * that other modules' benchmarks can start one (through command-service's test-jar) and sign in with the root token.
 */
public final class VaultStandIn implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_VERSIONS = 10;

    private volatile HttpServer server;
    private final String mount;
    private final String rootToken = "hvs.stand-in-root-" + UUID.randomUUID();
    private final Map<String, IssuedToken> tokens = new ConcurrentHashMap<>();
    private final Map<String, KvEntry> kv = new ConcurrentHashMap<>();
    private final List<String> namespaces = Collections.synchronizedList(new ArrayList<>());
    private final AtomicInteger failuresToGive = new AtomicInteger();
    private final AtomicInteger kvRequests = new AtomicInteger();
    private final AtomicInteger logins = new AtomicInteger();
    private final int port;
    private volatile boolean sealed;
    private volatile AppRoleSetup appRole;

    private VaultStandIn(String mount) throws IOException {
        this.mount = mount;
        tokens.put(rootToken, new IssuedToken(StandInPolicy.root(), null, "token"));
        server = listen(0);
        port = server.getAddress().getPort();
    }

    private HttpServer listen(int on) throws IOException {
        var listening = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), on), 0);
        listening.createContext("/", this::handle);
        listening.start();
        return listening;
    }

    /** A stand-in with KV version 2 mounted at {@code secret}, like {@code vault server -dev}. */
    public static VaultStandIn start() {
        return start("secret");
    }

    static VaultStandIn start(String mount) {
        try {
            return new VaultStandIn(mount);
        } catch (IOException e) {
            throw new IllegalStateException("could not start the Vault stand-in", e);
        }
    }

    public URI address() {
        return URI.create("http://127.0.0.1:" + port);
    }

    public String rootToken() {
        return rootToken;
    }

    /** Makes {@code token} valid with {@code policy}. */
    void addToken(String token, StandInPolicy policy) {
        tokens.put(token, new IssuedToken(policy, null, "token"));
    }

    /** Enables AppRole with one role; logins get tokens with {@code policy} that live {@code ttl}. */
    public VaultAuth.AppRole enableAppRole(StandInPolicy policy, Duration ttl) {
        appRole = new AppRoleSetup(UUID.randomUUID().toString(), UUID.randomUUID().toString(), policy, ttl);
        return new VaultAuth.AppRole("approle", appRole.roleId(), appRole.secretId());
    }

    /** Every token AppRole has issued so far is expired from now on, as after its TTL. */
    void expireIssuedTokens() {
        tokens.replaceAll((token, issued) -> issued.fromLogin() ? issued.expired() : issued);
    }

    /** Closes the port: clients get "connection refused", as when Vault is down or out of reach. Secrets stay. */
    public synchronized void becomeUnreachable() {
        server.stop(0);
    }

    /** Listens again on the same address, with every secret and token it had. */
    public synchronized void becomeReachable() {
        try {
            server = listen(port);
        } catch (IOException e) {
            throw new IllegalStateException("could not listen on port " + port + " again", e);
        }
    }

    public void seal() {
        sealed = true;
    }

    public void unseal() {
        sealed = false;
    }

    /** The next {@code count} requests other than sys/health answer 500. */
    void failNext(int count) {
        failuresToGive.set(count);
    }

    /** Requests to the KV mount so far, failed ones included. */
    int kvRequests() {
        return kvRequests.get();
    }

    /** Successful AppRole logins so far. */
    int logins() {
        return logins.get();
    }

    /** Every X-Vault-Namespace header received, in order. */
    List<String> namespacesSeen() {
        return List.copyOf(namespaces);
    }

    /** The data of the latest version at a full logical path (e.g. {@code harbormaster/machines/x/tls}), or null. */
    Map<String, String> latest(String path) {
        var entry = kv.get(path);
        return entry == null ? null : entry.versions.lastEntry().getValue().data();
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            var namespace = exchange.getRequestHeaders().getFirst("X-Vault-Namespace");
            if (namespace != null) {
                namespaces.add(namespace);
            }
            var path = exchange.getRequestURI().getPath();
            if (!path.startsWith("/v1/")) {
                reply(exchange, 404, errors());
                return;
            }
            path = trimSlashes(path.substring("/v1/".length()));
            if (path.equals("sys/health")) {
                health(exchange);
                return;
            }
            if (sealed) {
                reply(exchange, 503, errors("Vault is sealed"));
                return;
            }
            if (path.startsWith(mount + "/")) {
                kvRequests.incrementAndGet();
            }
            if (failuresToGive.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                reply(exchange, 500, errors("internal error"));
                return;
            }
            if (path.equals("auth/approle/login") && exchange.getRequestMethod().equals("POST")) {
                login(exchange);
                return;
            }
            var token = tokens.get(String.valueOf(exchange.getRequestHeaders().getFirst("X-Vault-Token")));
            if (token == null || token.hasExpired()) {
                reply(exchange, 403, errors("permission denied"));
                return;
            }
            if (path.equals("auth/token/lookup-self") && exchange.getRequestMethod().equals("GET")) {
                lookupSelf(exchange, token);
            } else if (path.startsWith(mount + "/data/") || path.startsWith(mount + "/metadata/")) {
                new StandInKv(this, exchange, token.policy(), path).handle();
            } else {
                reply(exchange, 404, errors("no handler for route \"" + path + "\". route entry not found."));
            }
        }
    }

    private void health(HttpExchange exchange) throws IOException {
        var body = new LinkedHashMap<String, Object>();
        body.put("initialized", true);
        body.put("sealed", sealed);
        body.put("standby", false);
        body.put("performance_standby", false);
        body.put("replication_perf_mode", "disabled");
        body.put("replication_dr_mode", "disabled");
        body.put("server_time_utc", Instant.now().getEpochSecond());
        body.put("version", "stand-in");
        body.put("cluster_name", "vault-stand-in");
        body.put("cluster_id", "00000000-0000-0000-0000-000000000000");
        reply(exchange, sealed ? 503 : 200, body);
    }

    private void login(HttpExchange exchange) throws IOException {
        var request = JSON.readTree(exchange.getRequestBody());
        var setup = appRole;
        if (setup == null || !setup.roleId().equals(request.path("role_id").asText())
                || !setup.secretId().equals(request.path("secret_id").asText())) {
            reply(exchange, 400, errors("invalid role or secret ID"));
            return;
        }
        var token = "hvs.stand-in-approle-" + UUID.randomUUID();
        tokens.put(token, new IssuedToken(setup.policy(), Instant.now().plus(setup.ttl()), "auth/approle/login"));
        logins.incrementAndGet();
        var auth = new LinkedHashMap<String, Object>();
        auth.put("client_token", token);
        auth.put("accessor", UUID.randomUUID().toString());
        auth.put("policies", List.of("default", setup.policy().name()));
        auth.put("token_policies", List.of("default", setup.policy().name()));
        auth.put("metadata", Map.of("role_name", "harbormaster"));
        auth.put("lease_duration", setup.ttl().toSeconds());
        auth.put("renewable", true);
        var body = envelope(null);
        body.put("auth", auth);
        reply(exchange, 200, body);
    }

    private void lookupSelf(HttpExchange exchange, IssuedToken token) throws IOException {
        var data = new LinkedHashMap<String, Object>();
        data.put("accessor", UUID.randomUUID().toString());
        data.put("display_name", token.fromLogin() ? "approle" : "token");
        data.put("id", exchange.getRequestHeaders().getFirst("X-Vault-Token"));
        data.put("num_uses", 0);
        data.put("orphan", true);
        data.put("path", token.path());
        data.put("policies", List.of(token.policy().name()));
        data.put("renewable", token.fromLogin());
        data.put("ttl", token.expiresAt() == null ? 0
                : Math.max(0, Duration.between(Instant.now(), token.expiresAt()).toSeconds()));
        reply(exchange, 200, envelope(data));
    }

    Map<String, KvEntry> kv() {
        return kv;
    }

    String mount() {
        return mount;
    }

    static Map<String, Object> envelope(Object data) {
        var body = new LinkedHashMap<String, Object>();
        body.put("request_id", UUID.randomUUID().toString());
        body.put("lease_id", "");
        body.put("renewable", false);
        body.put("lease_duration", 0);
        body.put("data", data);
        body.put("wrap_info", null);
        body.put("warnings", null);
        body.put("auth", null);
        return body;
    }

    static Map<String, Object> errors(String... texts) {
        return Map.of("errors", List.of(texts));
    }

    static JsonNode body(HttpExchange exchange) throws IOException {
        var bytes = exchange.getRequestBody().readAllBytes();
        return bytes.length == 0 ? JSON.createObjectNode() : JSON.readTree(bytes);
    }

    static void reply(HttpExchange exchange, int status, Object body) throws IOException {
        if (body == null) {
            exchange.sendResponseHeaders(status, -1);
            return;
        }
        var bytes = JSON.writeValueAsBytes(body);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    static String trimSlashes(String path) {
        var trimmed = path;
        while (trimmed.endsWith("/")) {
            trimmed = trimmed.substring(0, trimmed.length() - 1);
        }
        return trimmed;
    }

    /** The names directly under {@code folder}, sub-folders with a trailing slash. */
    TreeSet<String> keysUnder(String folder) {
        var prefix = folder + "/";
        var keys = new TreeSet<String>();
        for (var path : kv.keySet()) {
            if (path.startsWith(prefix)) {
                var rest = path.substring(prefix.length());
                var slash = rest.indexOf('/');
                keys.add(slash < 0 ? rest : rest.substring(0, slash + 1));
            }
        }
        return keys;
    }

    static int maxVersions() {
        return MAX_VERSIONS;
    }

    /** All versions of one KV path. */
    static final class KvEntry {
        volatile int current;
        final ConcurrentSkipListMap<Integer, KvVersion> versions = new ConcurrentSkipListMap<>();
    }

    /** One version's data and creation time. */
    record KvVersion(Map<String, String> data, Instant created) {
    }

    private record AppRoleSetup(String roleId, String secretId, StandInPolicy policy, Duration ttl) {
    }

    private record IssuedToken(StandInPolicy policy, Instant expiresAt, String path) {

        boolean fromLogin() {
            return !path.equals("token");
        }

        boolean hasExpired() {
            return expiresAt != null && !Instant.now().isBefore(expiresAt);
        }

        IssuedToken expired() {
            return new IssuedToken(policy, Instant.EPOCH, path);
        }
    }
}
