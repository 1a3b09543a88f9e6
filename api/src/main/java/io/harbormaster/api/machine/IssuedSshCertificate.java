package io.harbormaster.api.machine;

import java.time.Instant;
import java.util.List;

/**
 * The answer to {@link IssueSshCertCommand}: the certificate line (the content of an {@code id_ed25519-cert.pub}
 * file), where and as whom to log in with it, until when, and the host key Harbormaster pinned for the host, which the
 * client checks before it trusts the host. Holds no private key: the user's stays on their workstation.
 */
public record IssuedSshCertificate(String machineName, String certificate, String user, String host, int port,
                                   List<String> principals, String keyId, String serial, Instant validAfter,
                                   Instant validBefore, String hostKeyType, String hostKeyFingerprint,
                                   String caFingerprint) {

    public IssuedSshCertificate {
        principals = principals == null ? List.of() : List.copyOf(principals);
    }
}
