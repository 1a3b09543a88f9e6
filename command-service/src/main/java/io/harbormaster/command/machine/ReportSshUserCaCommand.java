package io.harbormaster.command.machine;

import io.harbormaster.api.common.ControlCharacters;
import io.harbormaster.api.machine.MachineId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * The process made the host's sshd trust the SSH user CA of fingerprint {@code caFingerprint}, read from
 * {@code trustedKeysFile} on the host, or could not ({@code failureReason} says why); sent by the platform after
 * provisioning or a certificate install.
 */
public record ReportSshUserCaCommand(@TargetAggregateIdentifier MachineId machineId, String caFingerprint,
                                     String trustedKeysFile, String failureReason) {

    public ReportSshUserCaCommand {
        trustedKeysFile = ControlCharacters.readable(trustedKeysFile);
        failureReason = ControlCharacters.readable(failureReason);
    }

    public static ReportSshUserCaCommand trusted(MachineId machineId, String caFingerprint, String trustedKeysFile) {
        return new ReportSshUserCaCommand(machineId, caFingerprint, trustedKeysFile, null);
    }

    public static ReportSshUserCaCommand failed(MachineId machineId, String caFingerprint, String reason) {
        return new ReportSshUserCaCommand(machineId, caFingerprint, null, reason);
    }
}
