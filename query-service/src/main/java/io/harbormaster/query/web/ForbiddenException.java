package io.harbormaster.query.web;

/** The caller is signed in but lacks the role the query needs; answered as 403 with problem type {@code forbidden}. */
public class ForbiddenException extends RuntimeException {

    public ForbiddenException(String message) {
        super(message);
    }
}
