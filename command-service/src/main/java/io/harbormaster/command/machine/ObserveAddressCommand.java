package io.harbormaster.command.machine;

import io.harbormaster.api.common.ControlCharacters;
import io.harbormaster.api.machine.MachineId;
import io.harbormaster.api.machine.IpChanged;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * The reconciler saw the host at {@code address} (sent by the platform): when that differs from the address in the
 * machine's Docker URL, the machine records {@link IpChanged} and regenerates its server certificate for the new
 * address ({@code CertsRegenerated}, reason {@code ip-changed}).
 */
public record ObserveAddressCommand(@TargetAggregateIdentifier MachineId machineId, String address) {

    public ObserveAddressCommand {
        address = ControlCharacters.readable(address);   // answered by a driver
    }
}
