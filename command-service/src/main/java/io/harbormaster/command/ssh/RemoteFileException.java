package io.harbormaster.command.ssh;

import io.harbormaster.driver.SshTarget;

/** A file could not be written or read on the host: no such file, permission denied, not a directory, too large. */
public class RemoteFileException extends SshException {

    private final String remotePath;

    RemoteFileException(SshTarget target, String remotePath, String what, Throwable cause) {
        super(target, what + " (" + remotePath + " on " + target + ").", cause);
        this.remotePath = remotePath;
    }

    public String remotePath() {
        return remotePath;
    }
}
