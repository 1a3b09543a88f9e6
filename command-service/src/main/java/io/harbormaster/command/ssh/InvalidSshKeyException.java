package io.harbormaster.command.ssh;

import io.harbormaster.command.refusal.InvalidCommandException;

/**
 * A private key given to import cannot be used: not a private key, protected by a passphrase, or of a type OpenSSH
 * no longer accepts. The message says which and how to fix it, and never quotes the key.
 */
public class InvalidSshKeyException extends InvalidCommandException {

    /** The create request's field the key is given in; one spelling in every message. */
    static final String FIELD = "sshKey";

    InvalidSshKeyException(String message) {
        super(FIELD, message);
    }
}
