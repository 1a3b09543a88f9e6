package io.harbormaster.command.ssh;

import io.harbormaster.driver.SshTarget;

/**
 * The host presented another host key than the one pinned on first contact. That is what a man-in-the-middle looks
 * like, so the connection is refused before any key or command is sent.
 */
public class HostKeyChangedException extends SshException {

    private final HostKey pinned;
    private final HostKey presented;

    HostKeyChangedException(SshTarget target, HostKey pinned, HostKey presented, Throwable cause) {
        super(target, "The SSH host key of " + target.address() + " has changed: it was pinned on first contact as "
                + pinned + ", but the host now presents " + presented + ". Harbormaster refuses to connect, because "
                + "this is what an attack looks like. If the host was rebuilt or its host keys were regenerated on "
                + "purpose, check on the host itself that " + presented.hostKeyFile() + " has the fingerprint "
                + presented.fingerprint() + " (ssh-keygen -lf " + presented.hostKeyFile() + "), then pin it: PUT "
                + "/api/machines/<id>/ssh-host-key with {\"keyType\":\"" + presented.type() + "\",\"fingerprint\":\""
                + presented.fingerprint() + "\"}, and retry.", cause);
        this.pinned = pinned;
        this.presented = presented;
    }

    public HostKey pinned() {
        return pinned;
    }

    public HostKey presented() {
        return presented;
    }
}
