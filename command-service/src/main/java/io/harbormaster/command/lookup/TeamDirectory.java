package io.harbormaster.command.lookup;

import io.harbormaster.api.team.TeamId;
import io.harbormaster.api.team.TeamRole;
import io.harbormaster.api.user.UserId;
import java.util.Optional;

/** Which teams exist and who belongs to them, as the write side knows it right now. */
public interface TeamDirectory {

    /** Whether the team was created. */
    boolean teamExists(TeamId teamId);

    /** The user's role in the team, or empty when they are not a member. */
    Optional<TeamRole> roleOf(TeamId teamId, UserId userId);

    /** The team's name, or empty for an unknown team. */
    Optional<String> teamName(TeamId teamId);
}
