package io.harbormaster.api.machine;

/**
 * A private key a user gives for a machine's host (OpenSSH or PEM text). It travels only inside the creation command,
 * on its way to the secret store: it prints as {@code (given)}, and no event or read model ever holds it.
 */
public record SshPrivateKey(String text) {

    public SshPrivateKey {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("An SSH private key is text (OpenSSH or PEM); none was given.");
        }
    }

    /** The key from {@code text}, or null when there is none. */
    public static SshPrivateKey ofNullable(String text) {
        return text == null || text.isBlank() ? null : new SshPrivateKey(text);
    }

    @Override
    public String toString() {
        return "(given)";
    }
}
