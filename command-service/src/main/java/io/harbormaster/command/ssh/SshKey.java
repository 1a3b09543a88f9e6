package io.harbormaster.command.ssh;

import java.security.KeyPair;

/**
 * A private key ready to authenticate with, and its public half. Only its type, fingerprint and public key are
 * visible; the private key stays inside this package, and {@link #toString()} never shows it.
 */
public final class SshKey {

    private final KeyPair keyPair;
    private final String privateKeyText;
    private final String type;
    private final String fingerprint;
    private final String publicKey;

    SshKey(KeyPair keyPair, String privateKeyText) {
        this.keyPair = keyPair;
        this.privateKeyText = privateKeyText;
        this.type = SshFingerprints.type(keyPair.getPublic());
        this.fingerprint = SshFingerprints.sha256(keyPair.getPublic());
        this.publicKey = SshFingerprints.authorizedKeysLine(keyPair.getPublic(), null);
    }

    /** The SSH key type, such as {@code ssh-ed25519}. */
    public String type() {
        return type;
    }

    /** {@code SHA256:…}, as {@code ssh-keygen -lf} prints it. */
    public String fingerprint() {
        return fingerprint;
    }

    /** The public key as one {@code authorized_keys} line ({@code <type> <base64>}), to install on a host. */
    public String publicKey() {
        return publicKey;
    }

    KeyPair keyPair() {
        return keyPair;
    }

    /** The private key as stored: OpenSSH or PEM text. */
    String privateKeyText() {
        return privateKeyText;
    }

    @Override
    public String toString() {
        return "SshKey[" + type + " " + fingerprint + "]";
    }
}
