package io.harbormaster.command.machine;

import static io.harbormaster.api.audit.AuditMetadata.ACTOR_ID;

import io.harbormaster.api.machine.DescribeMachineActionsCommand;
import io.harbormaster.api.machine.DockerEndpoint;
import io.harbormaster.api.machine.MachineActions;
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
import java.util.EnumSet;

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

    /**
     * What the acting user may do now, by the same rules as the actions: the right, then the driver, then the
     * transition table (an action that is done already, like starting a running machine, is not offered).
     */
    @CommandHandler
    MachineActions handle(DescribeMachineActionsCommand command, DriverRules drivers,
                          @MetaDataValue(ACTOR_ID) String actorId, AccessDirectory access) {
        require(Right.SEE, MachineAction.USE, actorId, access);
        var user = Actors.user(actorId);
        var allowed = EnumSet.noneOf(MachineActions.Action.class);
        for (var action : MachineActions.Action.values()) {
            var guard = ActionGuard.of(action);
            var permitted = user.isEmpty() || MachineAccessRules.decide(guard.right(), standingOf(user.get(), access))
                    == MachineAccessRules.Decision.ALLOW;
            if (permitted && driverCan(action, drivers) && MachineTransitions.decide(guard.action(), state, inProgress,
                    provisioned) instanceof Decision.Accept) {
                allowed.add(action);
            }
        }
        return new MachineActions(machineId, allowed);
    }

    private boolean driverCan(MachineActions.Action action, DriverRules drivers) {
        var guard = ActionGuard.of(action);
        if (guard.action().operation() != null && drivers.refusal(driver, guard.action().operation()).isPresent()) {
            return false;
        }
        return switch (action) {
            case PROVISION -> drivers.provisions(driver);
            case UPGRADE -> drivers.provisions(driver) && certificates != null;
            case REGENERATE_CERTS, ROTATE_CA -> dockerUrl != null && renewal == null;
            case USE -> dockerUrl != null;
            default -> true;
        };
    }

    /** Which right and which entry of the transition table each action of the API is checked by. */
    private record ActionGuard(Right right, MachineAction action) {
        static ActionGuard of(MachineActions.Action action) {
            return switch (action) {
                case START -> new ActionGuard(Right.OPERATE, MachineAction.START);
                case STOP -> new ActionGuard(Right.OPERATE, MachineAction.STOP);
                case RESTART -> new ActionGuard(Right.OPERATE, MachineAction.RESTART);
                case KILL -> new ActionGuard(Right.OPERATE, MachineAction.KILL);
                case PROVISION -> new ActionGuard(Right.OPERATE, MachineAction.PROVISION);
                case UPGRADE -> new ActionGuard(Right.OPERATE, MachineAction.UPGRADE);
                case REGENERATE_CERTS -> new ActionGuard(Right.OPERATE, MachineAction.REGENERATE_CERTS);
                case ROTATE_CA -> new ActionGuard(Right.MANAGE, MachineAction.REGENERATE_CERTS);
                case REMOVE -> new ActionGuard(Right.MANAGE, MachineAction.REMOVE);
                case HAND_OFF -> new ActionGuard(Right.MANAGE, MachineAction.HAND_OFF);
                case SHARE -> new ActionGuard(Right.MANAGE, MachineAction.SHARE);
                case UNSHARE -> new ActionGuard(Right.MANAGE, MachineAction.UNSHARE);
                case USE -> new ActionGuard(Right.USE, MachineAction.USE);
            };
        }
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
