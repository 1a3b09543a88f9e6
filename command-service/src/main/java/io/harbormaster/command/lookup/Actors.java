package io.harbormaster.command.lookup;

import io.harbormaster.api.user.UserId;
import java.util.Optional;
import java.util.UUID;

/**
 * Reads the {@code actorId} metadata of a command. Users are UUIDs; anything else ({@code system}, a process) or no
 * actor at all is the platform itself, which access checks never restrict.
 */
public final class Actors {

    private Actors() {
    }

    /** The acting user, or empty when the platform acts. */
    public static Optional<UserId> user(String actorId) {
        if (actorId == null || actorId.isBlank()) {
            return Optional.empty();
        }
        try {
            UUID.fromString(actorId);
            return Optional.of(UserId.of(actorId));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
