package io.harbormaster.command.machine;

import io.harbormaster.api.machine.Grantee;
import io.harbormaster.api.machine.MachineName;
import io.harbormaster.api.machine.MachineState;
import io.harbormaster.api.machine.ShareRole;
import io.harbormaster.api.team.TeamId;
import io.harbormaster.api.team.TeamRole;
import io.harbormaster.api.user.UserId;
import io.harbormaster.command.lookup.AccessDirectory;
import io.harbormaster.command.lookup.Actors;
import io.harbormaster.command.lookup.TeamDirectory;
import io.harbormaster.command.lookup.UserDirectory;
import io.harbormaster.command.refusal.ConflictException;
import io.harbormaster.command.refusal.ForbiddenException;
import io.harbormaster.command.refusal.InvalidCommandException;
import io.harbormaster.command.refusal.NotFoundException;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** The checks on who may hold a machine and whom it may be shared with, and the wording of state conflicts. */
final class MachineAccess {

    /** What a driver can report; the other states are the platform's own and are never observed. */
    static final Set<MachineState> OBSERVABLE = EnumSet.of(MachineState.Running, MachineState.Stopped,
            MachineState.Paused, MachineState.Error, MachineState.Timeout, MachineState.Unknown);

    private MachineAccess() {
    }

    /** A holder must be a registered user who is an owner or member (not a viewer) of the machine's team. */
    static void requireHolderCandidate(TeamDirectory teams, UserDirectory users, TeamId teamId, UserId user) {
        if (!users.userExists(user)) {
            throw NotFoundException.user(user);
        }
        var role = teams.roleOf(teamId, user);
        if (role.isEmpty()) {
            throw new ConflictException("not-a-team-member", "User " + user + " is not a member of team " + teamId
                    + ", and only team members can hold its machines. Add them to the team first.");
        }
        if (role.get() == TeamRole.VIEWER) {
            throw new ConflictException("not-a-team-member", "User " + user + " is only a viewer in team " + teamId
                    + ", and viewers cannot hold machines. Make them a member of the team first.");
        }
    }

    /**
     * Refuses an actor who may not create (or import) machines in the team: a team they cannot see answers like an
     * unknown team, a viewer is told which role is needed. The platform itself (no user as actor) is not checked.
     */
    static void requireMayCreate(AccessDirectory access, String actorId, TeamId teamId) {
        var user = Actors.user(actorId);
        if (user.isEmpty()) {
            return;
        }
        var admin = access.isPlatformAdmin(user.get());
        var role = admin ? null : access.roleOf(teamId, user.get()).orElse(null);
        switch (MachineAccessRules.decide(MachineAccessRules.Right.CREATE,
                new MachineAccessRules.Standing(admin, role, false, null))) {
            case ALLOW -> { }
            case NOT_FOUND -> throw NotFoundException.team(teamId);
            case FORBIDDEN -> throw new ForbiddenException("You are a " + role + " in team " + teamId
                    + ": creating machines there needs " + MachineAccessRules.Right.CREATE.needs() + ".");
        }
    }

    /** A grantee must exist and must not be the machine's own team, whose members have access anyway. */
    static void requireShareable(TeamDirectory teams, UserDirectory users, TeamId teamId, Grantee grantee) {
        var exists = switch (grantee.kind()) {
            case USER -> users.userExists(UserId.of(grantee.id()));
            case TEAM -> {
                if (grantee.id().equals(teamId.value())) {
                    throw new InvalidCommandException("grantee", "The machine already belongs to team " + teamId
                            + "; share it with another team or a user.");
                }
                yield teams.teamExists(TeamId.of(grantee.id()));
            }
        };
        if (!exists) {
            throw new NotFoundException("grantee-not-found", describe(grantee) + " was not found. Check the id: a "
                    + "machine can be shared with registered users and existing teams.");
        }
    }

    static void requireShared(Map<Grantee, ShareRole> shares, MachineName name, Grantee grantee) {
        if (!shares.containsKey(grantee)) {
            throw new NotFoundException("share-not-found", "Machine '" + name + "' is not shared with "
                    + describe(grantee).toLowerCase(Locale.ROOT) + "; there is nothing to unshare.");
        }
    }

    static MachineState requireObservable(MachineState observed) {
        if (observed == null || !OBSERVABLE.contains(observed)) {
            throw new InvalidCommandException("observed", "observed must be one of " + OBSERVABLE + "; got " + observed);
        }
        return observed;
    }

    /** A running machine has no problem to record; another state keeps the one observed (at most 500 characters). */
    static String observedProblem(MachineState observed, String problem) {
        if (observed == MachineState.Running || problem == null || problem.isBlank()) {
            return null;
        }
        var text = problem.strip();
        return text.length() <= 500 ? text : text.substring(0, 500);
    }

    /** "Machine 'web-1' cannot be stopped: it is Starting. Wait until it is Running, then stop it." */
    static MachineConflictException conflict(MachineName name, MachineState state, MachineAction action,
                                             String advice) {
        if (state == MachineState.Removed) {
            var what = action == null ? "" : ", so it cannot be " + action.pastParticiple();
            return new MachineConflictException("Machine '" + name + "' was removed" + what + ". " + advice);
        }
        return new MachineConflictException("Machine '" + name + "' cannot be " + action.pastParticiple()
                + ": it is " + state + ". " + advice);
    }

    private static String describe(Grantee grantee) {
        return (grantee.kind() == Grantee.Kind.USER ? "User " : "Team ") + grantee.id();
    }
}
