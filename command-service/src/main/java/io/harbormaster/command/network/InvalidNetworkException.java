package io.harbormaster.command.network;

import io.harbormaster.command.refusal.InvalidCommandException;

/** An entry of the allow or deny list is no network (400 naming the entry). */
class InvalidNetworkException extends InvalidCommandException {

    InvalidNetworkException(String field, String message) {
        super(field, message);
    }
}
