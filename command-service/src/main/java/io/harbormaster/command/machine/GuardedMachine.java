package io.harbormaster.command.machine;

import static io.harbormaster.api.audit.AuditMetadata.ACTOR_ID;

import io.harbormaster.api.machine.DockerEndpoint;
import io.harbormaster.api.machine.Grantee;
import io.harbormaster.api.machine.MachineState;
import io.harbormaster.api.machine.ShareRole;
import io.harbormaster.api.user.UserId;
import io.harbormaster.command.lookup.AccessDirectory;
import io.harbormaster.command.lookup.Actors;
import io.harbormaster.command.machine.MachineAccessRules.Right;
import io.harbormaster.command.machine.MachineAccessRules.Standing;
import io.harbormaster.command.machine.MachineTransitions.Decision;
import io.harbormaster.command.refusal.ForbiddenException;
import io.harbormaster.command.refusal.InvalidCommandException;
import io.harbormaster.command.refusal.NotVisibleException;
import io.harbormaster.command.refusal.UnsupportedByDriverException;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.messaging.annotation.MetaDataValue;

/**
 * The checks every decision of {@link Machine} starts with: who may (by role, holding and shares), whether the driver
 * can, what the transition table says, and the refusals that follow from the machine's own state.
 */
abstract class GuardedMachine extends ReportedMachine {

    /**
     * Refuses a user who lacks {@code right} on this machine: 404 like an unknown machine when they cannot even see
     * it, 403 naming the role needed otherwise. The platform itself (no user as actor) is not checked.
     */
    void require(Right right, MachineAction action, String actorId, AccessDirectory access) {
        var user = Actors.user(actorId);
        if (user.isEmpty()) {
            return;
        }
        switch (MachineAccessRules.decide(right, standingOf(user.get(), access))) {
            case ALLOW -> { }
            case NOT_FOUND -> throw NotVisibleException.machine(machineId);
            case FORBIDDEN -> throw new ForbiddenException(forbidden(right, action));
        }
    }

    /** The refusal of a user who may see the machine but lacks {@code right}. */
    private String forbidden(Right right, MachineAction action) {
        if (right != Right.USE) {
            return "You may see machine '" + name + "' but not " + action.infinitive() + " it: that needs "
                    + right.needs() + ".";
        }
        // the refusals a viewer meets on every workstation call, so they say why and whom to ask
        var ask = ": ask an owner of its team for the MEMBER role, or its holder for a MEMBER share.";
        return action == MachineAction.SSH
                ? "You get no SSH certificate for machine '" + name + "' because you may only view it (a certificate "
                        + "logs in to its host as the user Harbormaster provisions it with)" + ask
                : "You get no client certificate for machine '" + name + "' because you may only view it (a "
                        + "certificate could run anything on its Docker Engine)" + ask;
    }

    /** Who may see the machine (its detail) passes; anyone else gets 404 like an unknown machine. */
    @CommandHandler
    void handle(RequireMachineVisibleCommand command, @MetaDataValue(ACTOR_ID) String actorId, AccessDirectory access) {
        // seeing is never forbidden, only not found, so the action named here never shows
        require(Right.SEE, MachineAction.USE, actorId, access);
    }

    private Standing standingOf(UserId user, AccessDirectory access) {
        if (access.isPlatformAdmin(user)) {
            return new Standing(true, null, false, null);
        }
        var share = shares.get(Grantee.user(user));
        if (share != ShareRole.MEMBER && shares.keySet().stream().anyMatch(g -> g.kind() == Grantee.Kind.TEAM)) {
            for (var team : access.teamsOf(user)) {
                share = MachineAccessRules.better(share, shares.get(Grantee.team(team)));
            }
        }
        return new Standing(false, access.roleOf(teamId, user).orElse(null), user.equals(holder), share);
    }

    /** Checks the driver can do it at all, then asks the table. */
    boolean accepts(MachineAction action, DriverRules drivers) {
        if (state != MachineState.Removed) {
            drivers.refusal(driver, action.operation()).ifPresent(refusal -> {
                throw new UnsupportedByDriverException(refusal);
            });
        }
        return accepts(action);
    }

    /** True when the table accepts the action, false when it is already done; throws when it refuses. */
    boolean accepts(MachineAction action) {
        return switch (MachineTransitions.decide(action, state, inProgress, provisioned)) {
            case Decision.Accept accept -> true;
            case Decision.AlreadyDone done -> false;
            case Decision.Refuse refuse -> throw MachineAccess.conflict(name, state, action, refuse.advice());
            case Decision.SameOperationOrRefuse unresolved -> throw new IllegalStateException("unresolved rule");
        };
    }

    /** One renewal at a time: each stores one secret version, decided in order. */
    void requireNoRenewal() {
        if (renewal != null) {
            throw new MachineConflictException("New certificates for machine '" + name + "' are being made right "
                    + "now (" + renewal.reason() + "). Try again in a moment.");
        }
    }

    static UserId actingUser(String actorId) {
        return actingUser(actorId, "Client certificates");
    }

    /** The acting user, to whom {@code what} ("Client certificates") are issued; the platform cannot hold one. */
    static UserId actingUser(String actorId, String what) {
        return Actors.user(actorId).orElseThrow(() -> new InvalidCommandException("actor",
                what + " are issued to users; the platform cannot hold one."));
    }

    DockerEndpoint endpoint() {
        if (dockerUrl == null) {
            throw new MachineConflictException("Machine '" + name + "' has no Docker URL: its host was never "
                    + "created. Remove it and create it again.");
        }
        return new DockerEndpoint(name.value(), dockerUrl);
    }
}
