package io.harbormaster.command.secret.vault;

import static io.harbormaster.command.secret.vault.VaultStandIn.body;
import static io.harbormaster.command.secret.vault.VaultStandIn.envelope;
import static io.harbormaster.command.secret.vault.VaultStandIn.errors;
import static io.harbormaster.command.secret.vault.VaultStandIn.reply;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The KV version 2 part of {@link VaultStandIn}: one request to {@code <mount>/data/<path>} or
 * {@code <mount>/metadata/<path>}, checked against the token's policy with the capability Vault would require.
 */
final class StandInKv {

    private final VaultStandIn vault;
    private final HttpExchange exchange;
    private final StandInPolicy policy;
    private final String requestPath;
    private final boolean data;
    private final String path;
    private final Map<String, String> query;

    StandInKv(VaultStandIn vault, HttpExchange exchange, StandInPolicy policy, String requestPath) {
        this.vault = vault;
        this.exchange = exchange;
        this.policy = policy;
        this.requestPath = requestPath;
        this.data = requestPath.startsWith(vault.mount() + "/data/");
        this.path = requestPath.substring(vault.mount().length() + (data ? "/data/" : "/metadata/").length());
        this.query = query(exchange.getRequestURI().getRawQuery());
    }

    void handle() throws IOException {
        var method = exchange.getRequestMethod();
        var listing = method.equals("LIST") || (method.equals("GET") && "true".equals(query.get("list")));
        if (data && method.equals("GET")) {
            allowed("read", this::read);
        } else if (data && (method.equals("POST") || method.equals("PUT"))) {
            allowed(vault.kv().containsKey(path) ? "update" : "create", this::write);
        } else if (!data && listing) {
            allowed("list", this::list);
        } else if (!data && method.equals("GET")) {
            allowed("read", this::metadata);
        } else if (!data && method.equals("DELETE")) {
            allowed("delete", () -> {
                vault.kv().remove(path);
                reply(exchange, 204, null);
            });
        } else {
            reply(exchange, 405, errors("unsupported operation"));
        }
    }

    private void allowed(String capability, Action action) throws IOException {
        if (policy.permits(requestPath, capability)) {
            action.run();
        } else {
            reply(exchange, 403, errors("1 error occurred:\n\t* permission denied\n\n"));
        }
    }

    private void read() throws IOException {
        var entry = vault.kv().get(path);
        var wanted = Integer.parseInt(query.getOrDefault("version", "0"));
        var version = entry == null ? null : entry.versions.get(wanted == 0 ? entry.current : wanted);
        if (version == null) {
            reply(exchange, 404, errors());
            return;
        }
        var body = new LinkedHashMap<String, Object>();
        body.put("data", version.data());
        body.put("metadata", versionMetadata(wanted == 0 ? entry.current : wanted, version));
        reply(exchange, 200, envelope(body));
    }

    private void write() throws IOException {
        var request = body(exchange);
        if (!request.path("data").isObject()) {
            reply(exchange, 400, errors("no data provided"));
            return;
        }
        var values = new LinkedHashMap<String, String>();
        request.get("data").properties().forEach(field -> values.put(field.getKey(), field.getValue().asText()));
        var entry = vault.kv().computeIfAbsent(path, p -> new VaultStandIn.KvEntry());
        VaultStandIn.KvVersion written;
        int number;
        synchronized (entry) {
            number = ++entry.current;
            written = new VaultStandIn.KvVersion(Map.copyOf(values), Instant.now());
            entry.versions.put(number, written);
            while (entry.versions.size() > VaultStandIn.maxVersions()) {
                entry.versions.pollFirstEntry();
            }
        }
        reply(exchange, 200, envelope(versionMetadata(number, written)));
    }

    private void list() throws IOException {
        var keys = vault.keysUnder(path);
        if (keys.isEmpty()) {
            reply(exchange, 404, errors());
            return;
        }
        reply(exchange, 200, envelope(Map.of("keys", keys)));
    }

    private void metadata() throws IOException {
        var entry = vault.kv().get(path);
        if (entry == null) {
            reply(exchange, 404, errors());
            return;
        }
        var versions = new LinkedHashMap<String, Object>();
        entry.versions.forEach((number, version) -> {
            var metadata = versionMetadata(number, version);
            metadata.remove("version");
            metadata.remove("custom_metadata");
            versions.put(String.valueOf(number), metadata);
        });
        var body = new LinkedHashMap<String, Object>();
        body.put("cas_required", false);
        body.put("created_time", entry.versions.firstEntry().getValue().created().toString());
        body.put("current_version", entry.current);
        body.put("custom_metadata", null);
        body.put("delete_version_after", "0s");
        body.put("max_versions", 0);
        body.put("oldest_version", entry.versions.firstKey());
        body.put("updated_time", entry.versions.lastEntry().getValue().created().toString());
        body.put("versions", versions);
        reply(exchange, 200, envelope(body));
    }

    private static Map<String, Object> versionMetadata(int number, VaultStandIn.KvVersion version) {
        var metadata = new LinkedHashMap<String, Object>();
        metadata.put("created_time", version.created().toString());
        metadata.put("custom_metadata", null);
        metadata.put("deletion_time", "");
        metadata.put("destroyed", false);
        metadata.put("version", number);
        return metadata;
    }

    private static Map<String, String> query(String raw) {
        var values = new LinkedHashMap<String, String>();
        if (raw != null) {
            for (var pair : raw.split("&")) {
                var equals = pair.indexOf('=');
                if (equals > 0) {
                    values.put(pair.substring(0, equals), pair.substring(equals + 1));
                }
            }
        }
        return values;
    }

    @FunctionalInterface
    private interface Action {
        void run() throws IOException;
    }
}
