package io.harbormaster.web.machine;

import io.harbormaster.api.machine.Grantee;
import io.harbormaster.api.machine.MachineActions;
import io.harbormaster.api.machine.MachineId;
import io.harbormaster.api.machine.ShareRole;
import io.harbormaster.api.team.TeamId;
import io.harbormaster.api.team.TeamMember;
import io.harbormaster.api.user.UserId;
import java.util.List;

/**
 * What the signed-in user does to a machine from the portal: the same commands the REST API sends, as this user, so
 * the write side's rules and refusals are the same. A refusal arrives as an exception whose message says what to do.
 */
public interface MachineOperations {

    /** The actions the user may take on the machine now. */
    MachineActions actions(MachineId machine);

    /** Starts one of the actions that take no further input (start, stop, ..., remove); the page follows it live. */
    void run(MachineId machine, MachineActions.Action action);

    void handOff(MachineId machine, UserId to, boolean revokePreviousHolder);

    void share(MachineId machine, Grantee grantee, ShareRole role);

    void unshare(MachineId machine, Grantee grantee);

    /**
     * A fresh client certificate for the user as ca.pem, cert.pem and key.pem in a tar or zip, as
     * {@code POST /api/machines/{id}/client-bundle} gives it; refused as the API refuses it (viewers, no certificates).
     */
    MachineDownload clientBundle(MachineId machine, boolean zip);

    /** A fresh client certificate as the tar {@code docker context import} reads, as the API's docker-context. */
    MachineDownload dockerContext(MachineId machine);

    /** The members of a team the user may see: whom a machine can be handed off or shared to. */
    List<TeamMember> members(TeamId team);
}
