package io.harbormaster.api.machine;

import java.util.Locale;
import java.util.UUID;

/** Who a machine is shared with: one user or a whole team, by id. */
public record Grantee(Kind kind, String id) {

    public enum Kind { USER, TEAM }

    public Grantee {
        if (kind == null) {
            throw new IllegalArgumentException("grantee kind must be user or team");
        }
        if (id == null) {
            throw new IllegalArgumentException("grantee id must not be empty");
        }
        try {
            id = UUID.fromString(id.strip()).toString();
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("grantee id must be a " + kind.name().toLowerCase(Locale.ROOT) + " id (a UUID)");
        }
    }

    public static Grantee user(io.harbormaster.api.user.UserId user) {
        return new Grantee(Kind.USER, user.value());
    }

    public static Grantee team(io.harbormaster.api.team.TeamId team) {
        return new Grantee(Kind.TEAM, team.value());
    }
}
