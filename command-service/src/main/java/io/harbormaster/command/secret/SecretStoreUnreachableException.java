package io.harbormaster.command.secret;

/** The store did not answer (connection refused, timeout, repeated server errors), even after retrying. */
public class SecretStoreUnreachableException extends SecretStoreException {

    public SecretStoreUnreachableException(String message, Throwable cause) {
        super(message, cause);
    }
}
