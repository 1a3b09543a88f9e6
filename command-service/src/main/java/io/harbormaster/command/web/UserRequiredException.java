package io.harbormaster.command.web;

/** The request needs a signed-in user (an owner for a team, a holder for a machine) but none is acting (HTTP 403). */
public class UserRequiredException extends RuntimeException {

    public UserRequiredException() {
        super("This action needs a signed-in user: machines and teams belong to people, not to the platform itself.");
    }
}
