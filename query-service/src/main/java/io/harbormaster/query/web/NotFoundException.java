package io.harbormaster.query.web;

/** The addressed resource does not exist (or is not in the read model yet); answered as 404. */
public class NotFoundException extends RuntimeException {

    public NotFoundException(String message) {
        super(message);
    }
}
