package io.harbormaster.command.ssh;

import io.harbormaster.driver.SshTarget;
import java.time.Duration;

/**
 * An authenticated SSH session to one host, from {@link SshSessions#open}. Not for concurrent use: one caller runs one
 * step after another. Failures are {@link SshException}s. Commands are shown in messages (abbreviated), so they must
 * not carry secrets: secrets reach the host through {@link #upload}.
 */
public interface RemoteHost extends AutoCloseable {

    /** Where this session goes. */
    SshTarget target();

    /** The host key the host presented: on first contact, the one to pin and record. */
    HostKey hostKey();

    /** Runs {@code command} through the login user's shell with the default command timeout; see the other form. */
    CommandResult run(String command);

    /**
     * Runs {@code command} with its standard input closed and returns its exit status and output (each stream cut at
     * the output limit). A command that starts a background process returns when its shell exits, even when that
     * process keeps the output open. After {@code timeout} the session is closed and
     * {@link CommandTimedOutException} thrown.
     */
    CommandResult run(String command, Duration timeout);

    /**
     * Writes {@code content} to {@code remotePath} over SFTP with permission bits {@code mode} (such as
     * {@code 0600}), creating missing parent folders; the mode is set before any content is written, so the content
     * is never readable with looser permissions. Replaces an existing file.
     */
    void upload(String remotePath, byte[] content, int mode);

    /** The content of {@code remotePath}, read over SFTP; refuses files longer than the read limit. */
    byte[] read(String remotePath);

    /** Ends the session; closing twice is harmless. */
    @Override
    void close();
}
