package io.harbormaster.command.secret.sealed;

import io.harbormaster.command.secret.SecretStoreException;

/**
 * A stored secret failed its authentication check: the row was altered, moved to another path or version, or sealed
 * with another key. Its value is not returned; restore the row (or the database) from a backup, or write it again.
 */
public class SecretIntegrityException extends SecretStoreException {

    public SecretIntegrityException(String message, Throwable cause) {
        super(message, cause);
    }
}
