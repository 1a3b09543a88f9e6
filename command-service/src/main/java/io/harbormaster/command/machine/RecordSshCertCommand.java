package io.harbormaster.command.machine;

import io.harbormaster.api.machine.MachineId;
import java.time.Instant;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * An SSH certificate was signed for the acting user by the CA of fingerprint {@code caFingerprint}; internal. Refused
 * when the host trusts another CA by now, as the certificate would not log in.
 */
public record RecordSshCertCommand(@TargetAggregateIdentifier MachineId machineId, String keyId, String serial,
                                   List<String> principals, Instant validAfter, Instant validBefore,
                                   String keyFingerprint, String caFingerprint) {

    public RecordSshCertCommand {
        principals = principals == null ? List.of() : List.copyOf(principals);
    }
}
