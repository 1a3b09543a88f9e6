package io.harbormaster.command.secret;

/** The store answered but is sealed: an operator has to unseal it; retrying does not help until then. */
public class SecretStoreSealedException extends SecretStoreException {

    public SecretStoreSealedException(String message) {
        super(message);
    }
}
