package io.harbormaster.command.machine;

import io.harbormaster.api.machine.MachineId;
import io.harbormaster.api.machine.MachineState;
import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Record the state the reconciler observed: {@code problem} is what did not answer (null when everything did) and
 * {@code since} when the reconciler first saw that problem. The machine records a change of state or of problem, not
 * a later {@code since} for the same problem, so a reconciler that restarted does not add a line to the history.
 */
public record ObserveMachineStateCommand(@TargetAggregateIdentifier MachineId machineId, MachineState observed,
                                         String problem, Instant since) {

    /** An observation with nothing to report but the state. */
    public ObserveMachineStateCommand(MachineId machineId, MachineState observed) {
        this(machineId, observed, null, null);
    }
}
