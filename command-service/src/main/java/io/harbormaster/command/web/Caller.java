package io.harbormaster.command.web;

import io.harbormaster.api.audit.CurrentActingContext;
import io.harbormaster.api.common.InvalidIdException;
import io.harbormaster.api.user.UserId;

/** The user a request acts for, from the acting context the security filter set. */
public final class Caller {

    private Caller() {
    }

    /** The acting user; throws {@link UserRequiredException} when the platform itself, not a user, is acting. */
    public static UserId userId() {
        var actorId = CurrentActingContext.orSystem().actorId();
        try {
            return UserId.of(actorId);
        } catch (InvalidIdException e) {
            throw new UserRequiredException();
        }
    }
}
