package io.harbormaster.api.team;

import java.time.Instant;
import java.util.List;

/** A team and its members, by username. */
public record TeamDetail(TeamId id, String name, List<TeamMember> members, Instant createdAt) {

    public TeamDetail {
        members = List.copyOf(members);
    }
}
