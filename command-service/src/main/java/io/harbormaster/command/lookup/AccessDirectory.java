package io.harbormaster.command.lookup;

import io.harbormaster.api.team.TeamId;
import io.harbormaster.api.team.TeamRole;
import io.harbormaster.api.user.UserId;
import java.util.Optional;
import java.util.Set;

/**
 * What access checks need to know about the acting user beyond the aggregate's own state, from the write-side
 * lookups ({@code cmd_users.platform_admin}, {@code cmd_team_members}).
 */
public interface AccessDirectory {

    /** Whether the user is a platform admin, who may do everything. */
    boolean isPlatformAdmin(UserId userId);

    /** How many users are platform admins now. */
    long platformAdminCount();

    /** The user's role in the team, or empty when they are not in it. */
    Optional<TeamRole> roleOf(TeamId teamId, UserId userId);

    /** Every team the user has a role in. */
    Set<TeamId> teamsOf(UserId userId);
}
