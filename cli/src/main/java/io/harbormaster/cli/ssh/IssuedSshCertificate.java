package io.harbormaster.cli.ssh;

import java.time.Instant;

/**
 * {@code POST /api/machines/{id}/ssh-certificate} as hm reads it: the certificate line, where and as whom it logs in,
 * until when, and the host key Harbormaster pinned for the host.
 */
record IssuedSshCertificate(String machineName, String certificate, String user, String host, int port,
                            String keyId, String serial, Instant validAfter, Instant validBefore,
                            String hostKeyType, String hostKeyFingerprint) {
}
