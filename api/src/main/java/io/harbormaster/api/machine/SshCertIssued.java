package io.harbormaster.api.machine;

import io.harbormaster.api.user.UserId;
import java.time.Instant;
import java.util.List;

/**
 * The machine's SSH user CA signed a short-lived OpenSSH user certificate for a user's key. Records who, for which
 * login names ({@code principals}), when it is valid ({@code validAfter} to {@code validBefore}), its key id and
 * serial (both in sshd's log of each login with it) and the {@code SHA256:…} fingerprint of the certified key, never
 * a key or the certificate itself. The serial is a decimal number, as sshd and {@code ssh-keygen -L} print it.
 */
public record SshCertIssued(MachineId machineId, UserId userId, String keyId, String serial, List<String> principals,
                            Instant validAfter, Instant validBefore, String keyFingerprint) {

    public SshCertIssued {
        principals = principals == null ? List.of() : List.copyOf(principals);
    }
}
