package io.harbormaster.command.machine;

import io.harbormaster.api.common.ControlCharacters;
import io.harbormaster.api.machine.MachineId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The machine's SSH host key was seen for the first time and is pinned from now on (sent by the process). */
public record RecordHostKeyCommand(@TargetAggregateIdentifier MachineId machineId, String address,
                                   String keyType, String fingerprint) {

    /** What the host presented over SSH. */
    public RecordHostKeyCommand {
        address = ControlCharacters.readable(address);
        keyType = ControlCharacters.readable(keyType);
        fingerprint = ControlCharacters.readable(fingerprint);
    }
}
