package io.harbormaster.command.ssh;

import io.harbormaster.driver.SshTarget;

/** The host refused the key: it is not in the user's {@code authorized_keys}, or the user may not log in. */
public class SshAuthenticationException extends SshException {

    private final String offeredFingerprint;

    SshAuthenticationException(SshTarget target, SshKey offered, Throwable cause) {
        super(target, "The SSH server at " + target.address() + " refused to log in user '" + target.user()
                + "' with the key " + offered.type() + " " + offered.fingerprint() + ". Add that public key to "
                + "~" + target.user() + "/.ssh/authorized_keys on the host, or give the machine the key that is "
                + "already there; also check that the user exists and may log in over SSH.", cause);
        this.offeredFingerprint = offered.fingerprint();
    }

    /** The fingerprint of the key that was offered, {@code SHA256:…}. */
    public String offeredFingerprint() {
        return offeredFingerprint;
    }
}
