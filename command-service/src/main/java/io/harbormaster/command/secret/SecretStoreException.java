package io.harbormaster.command.secret;

/**
 * A secret store could not do what was asked. Messages say what happened and what to do next; they name paths,
 * addresses and key ids, never a secret value, a key or a token, so they are safe to log and to show.
 */
public class SecretStoreException extends RuntimeException {

    public SecretStoreException(String message) {
        super(message);
    }

    public SecretStoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
