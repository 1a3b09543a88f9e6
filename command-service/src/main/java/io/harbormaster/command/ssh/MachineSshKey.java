package io.harbormaster.command.ssh;

import java.util.Objects;

/**
 * Which SSH key a machine uses, without the key: where it is in the secret store (path and version, to read back
 * exactly the key an event names), its type, fingerprint and public key, and whether Harbormaster generated it or a
 * user imported it. Nothing here is secret, so it can go into events as it is.
 */
public record MachineSshKey(String secretPath, long secretVersion, String type, String fingerprint, String publicKey,
                            Origin origin) {

    /** Who made the key pair. */
    public enum Origin {
        GENERATED, IMPORTED
    }

    public MachineSshKey {
        Objects.requireNonNull(secretPath, "secretPath");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(fingerprint, "fingerprint");
        Objects.requireNonNull(publicKey, "publicKey");
        Objects.requireNonNull(origin, "origin");
        if (secretVersion < 1) {
            throw new IllegalArgumentException("secret versions start at 1, not " + secretVersion);
        }
    }
}
