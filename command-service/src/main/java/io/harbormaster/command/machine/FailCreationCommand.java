package io.harbormaster.command.machine;

import io.harbormaster.api.common.ControlCharacters;
import io.harbormaster.api.machine.MachineId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * The driver could not create or provision the host (sent by the creation process); {@code step} names where it
 * stopped ({@code create} for the driver itself, a provisioning step otherwise).
 */
public record FailCreationCommand(@TargetAggregateIdentifier MachineId machineId, String step, String reason) {

    public FailCreationCommand {
        reason = ControlCharacters.readable(reason);   // may quote a host's output
    }

    public static final String CREATE_STEP = "create";

    public FailCreationCommand(MachineId machineId, String reason) {
        this(machineId, CREATE_STEP, reason);
    }
}
