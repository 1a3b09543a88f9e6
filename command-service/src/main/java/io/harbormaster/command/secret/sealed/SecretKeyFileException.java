package io.harbormaster.command.secret.sealed;

import io.harbormaster.command.secret.SecretStoreException;

/**
 * The sealed database store's key file is unusable: readable by others, the wrong length, unreadable, or not the key
 * the stored secrets were sealed with. The store refuses to start rather than guess.
 */
public class SecretKeyFileException extends SecretStoreException {

    public SecretKeyFileException(String message) {
        super(message);
    }

    public SecretKeyFileException(String message, Throwable cause) {
        super(message, cause);
    }
}
