package io.harbormaster.command.lookup;

import io.harbormaster.api.user.UserId;

/** Which users are registered, as the write side knows it right now. */
public interface UserDirectory {

    /** Whether the user was registered. */
    boolean userExists(UserId userId);
}
