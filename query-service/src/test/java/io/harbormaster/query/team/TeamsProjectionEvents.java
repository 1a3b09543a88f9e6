package io.harbormaster.query.team;

import io.harbormaster.api.team.MemberAdded;
import io.harbormaster.api.team.TeamCreated;
import java.time.Instant;
import java.util.List;

/** Applies team events to the teams projection in order, for tests of read models that need teams to exist. */
public final class TeamsProjectionEvents {

    private TeamsProjectionEvents() {
    }

    public static void apply(TeamsProjection projection, List<Object> events) {
        long seq = 0;
        for (var event : events) {
            switch (event) {
                case TeamCreated e -> projection.on(e, seq, Instant.EPOCH);
                case MemberAdded e -> projection.on(e, seq, Instant.EPOCH);
                default -> throw new IllegalArgumentException("not a team event this helper applies: " + event);
            }
            seq++;
        }
    }
}
