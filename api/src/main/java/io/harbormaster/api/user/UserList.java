package io.harbormaster.api.user;

import java.util.List;

/** The users on the platform. */
public record UserList(List<UserSummary> users) {

    public UserList {
        users = List.copyOf(users);
    }
}
