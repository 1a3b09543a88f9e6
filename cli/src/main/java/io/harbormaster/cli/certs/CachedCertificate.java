package io.harbormaster.cli.certs;

import java.time.Instant;

/**
 * What hm remembers beside a machine's cached client certificate ({@code machine.json}): whose it is and which CA
 * signed it, so a newer CA (a hand-off that revoked the previous holder) or a recreated machine of the same name
 * is noticed without parsing the PEM files.
 */
public record CachedCertificate(String machineId, String machineName, String server, String caFingerprint,
                                String serial, Instant notAfter) {
}
