package io.harbormaster.command.ssh;

import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

/**
 * How a user's SSH certificate for a machine's host is made: valid for {@code validity} from the moment it is signed
 * (and {@link OpenSshUserCertificate#DEFAULT_BACKDATING} before, for hosts whose clock is behind), for one login name,
 * with the key id {@code harbormaster:<user>:<machine>} that sshd logs on each login.
 *
 * <p>There is no revocation list: a certificate works until it expires, also for someone who lost access to the
 * machine meanwhile. So the validity is short, and bounded: at least {@value #MIN_SECONDS} s (time enough to start
 * {@code ssh} with it), at most {@value #MAX_MINUTES} minutes ({@code hm ssh} asks for a new one on every run, so a
 * longer one only lengthens the tail after a revocation; a session already open is not cut when it expires).
 */
public record SshUserCertificatePolicy(Duration validity) {

    static final long MIN_SECONDS = 5;
    static final long MAX_MINUTES = 60;

    public SshUserCertificatePolicy {
        Objects.requireNonNull(validity, "validity");
        if (validity.compareTo(Duration.ofSeconds(MIN_SECONDS)) < 0
                || validity.compareTo(Duration.ofMinutes(MAX_MINUTES)) > 0) {
            throw new IllegalArgumentException("harbormaster.ssh.user-certificate-validity must be between "
                    + MIN_SECONDS + " s and " + MAX_MINUTES + " min (short: a certificate cannot be revoked, only "
                    + "expire); got " + validity);
        }
    }

    /** Signs {@code key} with {@code ca} for {@code username} on {@code machineName}, to log in as {@code principal}. */
    public OpenSshUserCertificate sign(SshUserCa ca, SshUserPublicKey key, String username, String machineName,
                                       String principal, Clock clock) {
        return OpenSshUserCertificate.forKey(key)
                .keyId(OpenSshUserCertificate.keyId(username, machineName))
                .principals(principal)
                .validFor(validity, clock)
                .signBy(ca);
    }
}
