package io.harbormaster.command.secret;

/**
 * The store refused the credentials or the operation: a login that failed, an expired token, or a policy without the
 * capability the operation needs. {@link #path()} is what was refused and {@link #capability()} what the policy most
 * likely lacks (empty when a login itself was refused).
 */
public class SecretAccessDeniedException extends SecretStoreException {

    private final String path;
    private final String capability;

    public SecretAccessDeniedException(String path, String capability, String message) {
        super(message);
        this.path = path;
        this.capability = capability;
    }

    /** The store path that was refused, as the store names it (e.g. {@code secret/data/harbormaster/machines/...}). */
    public String path() {
        return path;
    }

    /** The capability the operation needs: {@code read}, {@code create/update}, {@code delete} or {@code list}. */
    public String capability() {
        return capability;
    }
}
