package io.harbormaster.command.ssh;

import io.harbormaster.driver.SshTarget;

/** No SSH server answered at the target: the name does not resolve, the port is closed, or nothing answers in time. */
public class HostUnreachableException extends SshException {

    HostUnreachableException(SshTarget target, String what, Throwable cause) {
        super(target, "Cannot reach the SSH server at " + target.address() + ": " + what + ". Check that the host is "
                + "up, that its address is right, that sshd listens on port " + target.port()
                + " and that no firewall blocks it.", cause);
    }
}
