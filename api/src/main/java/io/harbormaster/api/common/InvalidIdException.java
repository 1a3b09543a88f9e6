package io.harbormaster.api.common;

/** A typed id was given a value that is not a valid id. */
public class InvalidIdException extends IllegalArgumentException {

    public InvalidIdException(String message) {
        super(message);
    }
}
