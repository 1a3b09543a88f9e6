package io.harbormaster.command.secret;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Keeps secrets under {@link SecretPath}s, each write adding a version (Vault KV version 2 semantics). Every method
 * may block on the network or the database. Failures are {@link SecretStoreException}s whose messages name the path
 * and what to do next, never a value.
 */
public interface SecretStore {

    /** Stores {@code data} as the next version at {@code path} (version 1 for a new path) and returns that version. */
    SecretVersion write(SecretPath path, Map<String, String> data);

    /** The latest version at {@code path}, or empty when there is none. */
    Optional<Secret> read(SecretPath path);

    /** Version {@code version} at {@code path}, or empty when there is none (never written, pruned, destroyed). */
    Optional<Secret> read(SecretPath path, long version);

    /** Removes every version and the metadata at {@code path}, as when a machine is removed; nothing there is fine. */
    void destroy(SecretPath path);

    /** The names directly under {@code folder}, sorted, sub-folders ending in {@code /}; empty for an unknown one. */
    List<String> list(SecretPath folder);

    /** Whether the store can be used now: reachable, unsealed, with a description that holds no secret. */
    StoreHealth health();

    /** The latest version at {@code path}, for callers that cannot go on without it. */
    default Secret require(SecretPath path) {
        return read(path).orElseThrow(() -> new SecretMissingException(path));
    }
}
