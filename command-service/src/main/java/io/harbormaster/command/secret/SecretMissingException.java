package io.harbormaster.command.secret;

/** A secret the caller needed is not in the store (never written, or destroyed with its machine or team). */
public class SecretMissingException extends SecretStoreException {

    private final SecretPath path;

    public SecretMissingException(SecretPath path) {
        super("No secret at '" + path + "': it was never written or has been destroyed. Missing TLS or SSH material "
                + "of a machine has to be generated again; a missing team credential has to be added again.");
        this.path = path;
    }

    public SecretPath path() {
        return path;
    }
}
