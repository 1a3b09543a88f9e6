package io.harbormaster.command.ssh;

import io.harbormaster.driver.SshTarget;
import java.time.Duration;

/**
 * A remote command did not finish in time. It was sent a KILL signal, which sshd honours for non-root logins only, and
 * the session was closed: open a new one to go on.
 */
public class CommandTimedOutException extends SshException {

    private final Duration timeout;

    CommandTimedOutException(SshTarget target, String command, Duration timeout) {
        super(target, "The command '" + CommandResult.abbreviate(command) + "' on " + target + " did not finish "
                + "within " + describe(timeout) + ", so Harbormaster closed the SSH session (the command may still "
                + "be running on the host: sshd cannot stop commands of root logins). If it only needs longer (a "
                + "slow package download), raise the command timeout; if it waits for input, redirect it "
                + "(</dev/null).", null);
        this.timeout = timeout;
    }

    public Duration timeout() {
        return timeout;
    }
}
