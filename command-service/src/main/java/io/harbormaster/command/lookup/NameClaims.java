package io.harbormaster.command.lookup;

import io.harbormaster.api.machine.MachineId;
import io.harbormaster.api.machine.MachineName;
import io.harbormaster.api.team.TeamId;
import io.harbormaster.api.team.TeamName;
import io.harbormaster.api.user.UserId;
import io.harbormaster.api.user.Username;

/** Claims unique names for new machines, teams and users, in the caller's transaction. */
public interface NameClaims {

    /** How a claim went. */
    enum Claim { CLAIMED, NAME_TAKEN, ID_TAKEN }

    /** Claims {@code name} in the team (ignoring case) and records what the machine processes need. */
    Claim claimMachine(MachineId machineId, TeamId teamId, MachineName name, String driver);

    /** Claims a team name on the platform (ignoring case). */
    Claim claimTeam(TeamId teamId, TeamName name);

    /** Claims a username on the platform. */
    Claim claimUser(UserId userId, Username username);
}
