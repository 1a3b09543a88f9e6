package io.harbormaster.command.machine;

import static io.harbormaster.api.machine.MachineState.Creating;
import static io.harbormaster.api.machine.MachineState.Error;
import static io.harbormaster.api.machine.MachineState.Paused;
import static io.harbormaster.api.machine.MachineState.Provisioning;
import static io.harbormaster.api.machine.MachineState.Removed;
import static io.harbormaster.api.machine.MachineState.Removing;
import static io.harbormaster.api.machine.MachineState.Running;
import static io.harbormaster.api.machine.MachineState.Starting;
import static io.harbormaster.api.machine.MachineState.Stopped;
import static io.harbormaster.api.machine.MachineState.Stopping;
import static io.harbormaster.api.machine.MachineState.Timeout;
import static io.harbormaster.api.machine.MachineState.Unknown;

import io.harbormaster.api.machine.LifecycleOperation;
import io.harbormaster.api.machine.MachineState;
import java.util.EnumMap;
import java.util.Map;

/**
 * Every rule of which action a machine accepts in which state, in one table. For each action and state the answer is
 * {@link Decision.Accept} (record the event), {@link Decision.AlreadyDone} (idempotent: no event, no error) or
 * {@link Decision.Refuse} with advice on what to do instead. In Starting and Stopping the answer also depends on
 * which operation is in progress: asking again for the same one is idempotent, anything else waits.
 *
 * <p>Rules that depend on the command's data rather than the state (handing off to the current holder, sharing
 * with the same role, unsharing an unknown grantee, observing the recorded state) are checked in {@link Machine}.
 */
final class MachineTransitions {

    static final String REMOVED = "Create a new machine instead.";
    private static final String BEING_CREATED = "Wait until it is Running; creation is still in progress.";
    private static final String BEING_REMOVED = "A removal is in progress; wait for it to finish.";
    private static final String NEVER_CREATED =
            "It was never created because provisioning failed. Remove it and create it again.";

    private static final Map<MachineAction, Map<MachineState, Decision>> TABLE = new EnumMap<>(MachineAction.class);

    static {
        rule(MachineAction.START)
                .accept(Stopped, Paused, Error, Timeout, Unknown)
                .alreadyDone(Running)
                .sameOperationOrRefuse(Starting, "A restart is in progress; wait until it is Running.")
                .refuse(Stopping, "Wait until it is Stopped, then start it.");
        rule(MachineAction.STOP)
                .accept(Running, Paused, Error, Timeout, Unknown)
                .alreadyDone(Stopped, Stopping)
                .refuse(Starting, "Wait until it is Running, then stop it.");
        rule(MachineAction.RESTART)
                .accept(Running, Stopped, Paused, Error, Timeout, Unknown)
                .sameOperationOrRefuse(Starting, "A start is in progress; wait until it is Running, then restart it.")
                .refuse(Stopping, "Wait until it is Stopped, then start it.");
        rule(MachineAction.KILL)
                .accept(Running, Paused, Error, Timeout, Unknown)
                .alreadyDone(Stopped)
                .sameOperationOrRefuse(Stopping, "A stop is in progress; wait until it is Stopped.")
                .refuse(Starting, "Wait until it is Running, then kill it.");
        rule(MachineAction.REMOVE)
                .accept(Running, Stopped, Paused, Error, Timeout, Unknown)
                .refuse(Creating, "Wait until creation finishes, or remove it with force.")
                .refuse(Provisioning, "Wait until provisioning finishes, or remove it with force.")
                .refuse(Starting, "Wait until it is Running, or remove it with force.")
                .refuse(Stopping, "Wait until it is Stopped, or remove it with force.")
                .alreadyDone(Removing);
        rule(MachineAction.FORCE_REMOVE)
                .accept(Creating, Provisioning, Running, Starting, Stopping, Stopped, Paused, Error, Timeout, Unknown)
                .alreadyDone(Removing);
        for (var access : new MachineAction[] {MachineAction.HAND_OFF, MachineAction.SHARE, MachineAction.UNSHARE}) {
            rule(access)
                    .accept(Creating, Provisioning, Running, Starting, Stopping, Stopped, Paused, Error, Timeout, Unknown)
                    .refuse(Removing, BEING_REMOVED);
        }
        // While a process owns the state, an observation is stale by the time it arrives: ignore it.
        rule(MachineAction.OBSERVE)
                .accept(Running, Stopped, Paused, Error, Timeout, Unknown)
                .alreadyDone(Creating, Provisioning, Starting, Stopping, Removing);
        // Certificates need the address the host got when it was created; a machine being removed keeps its old ones.
        for (var tls : new MachineAction[] {MachineAction.REGENERATE_CERTS, MachineAction.USE}) {
            rule(tls)
                    .accept(Running, Starting, Stopping, Stopped, Paused, Error, Timeout, Unknown)
                    .refuse(Creating, BEING_CREATED).refuse(Provisioning, BEING_CREATED)
                    .refuse(Removing, BEING_REMOVED);
        }
        // An SSH certificate is for a host that runs; one in Error is where a user most wants a look at it.
        rule(MachineAction.SSH)
                .accept(Running, Error, Timeout, Unknown)
                .refuse(Creating, BEING_CREATED).refuse(Provisioning, "Provisioning is in progress; wait for it.")
                .refuse(Starting, "Wait until it is Running.")
                .refuse(Stopping, "It is being stopped; start it again to reach its host.")
                .refuse(Stopped, "Start it first: SSH needs its host running.")
                .refuse(Paused, "Resume it first: SSH needs its host running.")
                .refuse(Removing, BEING_REMOVED);
        rule(MachineAction.UPGRADE)
                .accept(Running, Error, Timeout, Unknown)
                .refuse(Creating, BEING_CREATED).refuse(Provisioning, BEING_CREATED)
                .refuse(Starting, "Wait until it is Running, then upgrade it.")
                .refuse(Stopping, "Wait until it is Stopped, then start and upgrade it.")
                .refuse(Stopped, "Start it first: the upgrade runs on the host.")
                .refuse(Paused, "Resume it first: the upgrade runs on the host.")
                .refuse(Removing, BEING_REMOVED);
        rule(MachineAction.PROVISION)
                .accept(Running, Stopped, Paused, Error, Timeout, Unknown)
                .refuse(Creating, BEING_CREATED).refuse(Provisioning, "Provisioning is in progress; wait for it.")
                .refuse(Starting, "Wait until it is Running, then provision it.")
                .refuse(Stopping, "Wait until it is Stopped, then provision it.")
                .refuse(Removing, BEING_REMOVED);
        // a process pins the first key while it creates or provisions; a user's pin must not race it
        rule(MachineAction.PIN_HOST_KEY)
                .accept(Running, Starting, Stopping, Stopped, Paused, Error, Timeout, Unknown)
                .refuse(Creating, BEING_CREATED).refuse(Provisioning, "Provisioning is in progress; wait for it.")
                .refuse(Removing, BEING_REMOVED);
        for (var lifecycle : new MachineAction[] {MachineAction.START, MachineAction.STOP, MachineAction.RESTART,
                MachineAction.KILL}) {
            rule(lifecycle).refuse(Creating, BEING_CREATED).refuse(Provisioning, BEING_CREATED)
                    .refuse(Removing, BEING_REMOVED);
        }
        for (var action : MachineAction.values()) {
            rule(action).refuse(Removed, REMOVED);
        }
    }

    private MachineTransitions() {
    }

    /**
     * What to do with {@code action} on a machine in {@code state}, with {@code inProgress} the operation a Starting
     * or Stopping machine is carrying out; {@code provisioned} is false for a machine whose creation failed.
     */
    static Decision decide(MachineAction action, MachineState state, LifecycleOperation inProgress, boolean provisioned) {
        if ((action.isLifecycle() || action.needsHost() || action == MachineAction.UPGRADE) && state == Error
                && !provisioned) {
            return new Decision.Refuse(NEVER_CREATED);
        }
        var decision = TABLE.get(action).get(state);
        if (decision instanceof Decision.SameOperationOrRefuse same) {
            return action.operation() == inProgress ? new Decision.AlreadyDone() : new Decision.Refuse(same.advice());
        }
        return decision;
    }

    /** A report from a process applies only while the operation it reports on is still the one in progress. */
    static boolean expectsReport(MachineState state, LifecycleOperation inProgress, LifecycleOperation reported) {
        return (state == Starting || state == Stopping) && inProgress == reported;
    }

    /** A creation report applies only while the machine is being created. */
    static boolean expectsCreationReport(MachineState state) {
        return state == Creating || state == Provisioning;
    }

    private static Row rule(MachineAction action) {
        return new Row(TABLE.computeIfAbsent(action, a -> new EnumMap<>(MachineState.class)));
    }

    /** The answer of the table for one action in one state. */
    sealed interface Decision {
        record Accept() implements Decision {
        }

        record AlreadyDone() implements Decision {
        }

        record Refuse(String advice) implements Decision {
        }

        /** Only inside the table: resolved by {@link #decide} against the operation in progress. */
        record SameOperationOrRefuse(String advice) implements Decision {
        }
    }

    private record Row(Map<MachineState, Decision> cells) {

        Row accept(MachineState... states) {
            return put(new Decision.Accept(), states);
        }

        Row alreadyDone(MachineState... states) {
            return put(new Decision.AlreadyDone(), states);
        }

        Row refuse(MachineState state, String advice) {
            return put(new Decision.Refuse(advice), state);
        }

        Row sameOperationOrRefuse(MachineState state, String advice) {
            return put(new Decision.SameOperationOrRefuse(advice), state);
        }

        private Row put(Decision decision, MachineState... states) {
            for (var state : states) {
                if (cells.putIfAbsent(state, decision) != null) {
                    throw new IllegalStateException("Two rules for one state: " + state + " -> " + decision);
                }
            }
            return this;
        }
    }
}
