package io.harbormaster.web.team;

import io.harbormaster.api.team.TeamDetail;
import io.harbormaster.api.team.TeamId;
import io.harbormaster.api.team.TeamRole;
import io.harbormaster.api.team.TeamSummary;
import io.harbormaster.api.user.UserId;
import io.harbormaster.api.user.UserSummary;
import java.util.List;
import java.util.Optional;

/**
 * The team commands and queries of the REST API, as the signed-in user: who may do what is the write side's rule
 * (owners manage their team's members, platform admins everything), and a refusal says why in its own words.
 */
public interface TeamAdministration {

    /** The signed-in user's account. */
    UserSummary me();

    /** The teams the user may see (platform admins: all). */
    List<TeamSummary> teams();

    Optional<TeamDetail> team(TeamId team);

    /** How many machines the team has (those the user may see: all of them for members and admins). */
    long machineCount(TeamId team);

    /** Everyone registered, to pick a new member from. */
    List<UserSummary> users();

    void addMember(TeamId team, UserId user, TeamRole role);

    void changeRole(TeamId team, UserId user, TeamRole role);

    void removeMember(TeamId team, UserId user);

    /** A new team owned by the signed-in user; answers its id. */
    TeamId createTeam(String name);

    void setPlatformAdmin(UserId user, boolean admin);

    /** Registers a user who signs in with {@code password} (platform admins); answers their id. */
    UserId registerUser(String username, String displayName, String password, boolean admin);
}
