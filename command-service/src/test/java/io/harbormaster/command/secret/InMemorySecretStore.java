package io.harbormaster.command.secret;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Our own port kept in memory, for aggregate and process tests that need a secret store but are not about one (the
 * adapters themselves are tested against PostgreSQL and the Vault stand-in). Can be switched to fail like a sealed
 * Vault.
 */
public class InMemorySecretStore implements SecretStore {

    private final Map<String, List<Map<String, String>>> versions = new ConcurrentHashMap<>();
    private volatile boolean sealed;

    public void seal(boolean sealed) {
        this.sealed = sealed;
    }

    /** Every value stored, for tests that check what reached the store. */
    public List<String> allValues() {
        return versions.values().stream().flatMap(List::stream).flatMap(m -> m.values().stream()).toList();
    }

    /** How many versions were written at {@code path}. */
    public int versionsOf(SecretPath path) {
        return versions.getOrDefault(path.value(), List.of()).size();
    }

    @Override
    public synchronized SecretVersion write(SecretPath path, Map<String, String> data) {
        check();
        var list = versions.computeIfAbsent(path.value(), p -> new ArrayList<>());
        list.add(Map.copyOf(data));
        return new SecretVersion(list.size());
    }

    @Override
    public Optional<Secret> read(SecretPath path) {
        check();
        var list = versions.get(path.value());
        return list == null || list.isEmpty() ? Optional.empty() : read(path, list.size());
    }

    @Override
    public Optional<Secret> read(SecretPath path, long version) {
        check();
        var list = versions.get(path.value());
        if (list == null || version < 1 || version > list.size()) {
            return Optional.empty();
        }
        return Optional.of(new Secret(list.get((int) version - 1), new SecretVersion(version), Instant.EPOCH));
    }

    @Override
    public void destroy(SecretPath path) {
        check();
        versions.remove(path.value());
    }

    @Override
    public List<String> list(SecretPath folder) {
        check();
        var prefix = folder.value() + "/";
        var names = new TreeSet<String>();
        for (var key : versions.keySet()) {
            if (key.startsWith(prefix)) {
                var rest = key.substring(prefix.length());
                var slash = rest.indexOf('/');
                names.add(slash < 0 ? rest : rest.substring(0, slash + 1));
            }
        }
        return List.copyOf(names);
    }

    @Override
    public StoreHealth health() {
        return new StoreHealth("memory", true, sealed, sealed ? "sealed (test)" : "in memory (test)");
    }

    private void check() {
        if (sealed) {
            throw new SecretStoreSealedException("the in-memory test store is sealed");
        }
    }
}
