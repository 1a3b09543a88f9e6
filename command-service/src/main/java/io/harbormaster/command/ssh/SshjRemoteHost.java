package io.harbormaster.command.ssh;

import io.harbormaster.driver.SshTarget;
import java.io.IOException;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import net.schmizz.sshj.SSHClient;
import net.schmizz.sshj.connection.ConnectionException;
import net.schmizz.sshj.connection.channel.direct.Session;
import net.schmizz.sshj.connection.channel.direct.Signal;

/** A {@link RemoteHost} over one sshj connection: commands on session channels, files through {@link SftpFiles}. */
final class SshjRemoteHost implements RemoteHost {

    /**
     * How long output may go on after the remote shell reported its exit status. A process it left in the background
     * that still holds the output open would otherwise keep the channel, and the caller, waiting until it ends.
     */
    static final Duration OUTPUT_AFTER_EXIT = Duration.ofSeconds(1);
    private static final long POLL_NANOS = TimeUnit.MILLISECONDS.toNanos(50);

    private final SSHClient client;
    private final SshTarget target;
    private final HostKey hostKey;
    private final SshSettings settings;
    private final SftpFiles files;

    SshjRemoteHost(SSHClient client, SshTarget target, HostKey hostKey, SshSettings settings) {
        this.client = client;
        this.target = target;
        this.hostKey = hostKey;
        this.settings = settings;
        this.files = new SftpFiles(client, target, settings);
    }

    @Override
    public SshTarget target() {
        return target;
    }

    @Override
    public HostKey hostKey() {
        return hostKey;
    }

    @Override
    public CommandResult run(String command) {
        return run(command, settings.commandTimeout());
    }

    @Override
    public CommandResult run(String command, Duration timeout) {
        Objects.requireNonNull(command, "command");
        SshSettings.requirePositive(timeout, "command timeout");
        requireOpen();
        try (Session session = client.startSession()) {
            var running = session.exec(command);
            // EOF on standard input: a command that reads it ends instead of waiting for input that never comes.
            running.getOutputStream().close();
            var stdout = BoundedOutput.drain(running.getInputStream(), settings.maxOutputBytes(), "ssh-stdout");
            var stderr = BoundedOutput.drain(running.getErrorStream(), settings.maxOutputBytes(), "ssh-stderr");
            awaitEnd(running, command, timeout);
            if (running.isOpen()) {
                running.close();
            }
            var out = stdout.text(OUTPUT_AFTER_EXIT);
            var err = stderr.text(OUTPUT_AFTER_EXIT);
            var status = running.getExitStatus();
            return new CommandResult(status == null ? -1 : status, out, err, stdout.truncated() || stderr.truncated());
        } catch (IOException e) {
            throw lost("running '" + CommandResult.abbreviate(command) + "'", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SshException(target, "Interrupted while running '" + CommandResult.abbreviate(command)
                    + "' on " + target + ".", e);
        }
    }

    /** Returns when the channel closes, or soon after the exit status came; throws when {@code timeout} passes. */
    private void awaitEnd(Session.Command running, String command, Duration timeout) throws IOException {
        long deadline = System.nanoTime() + timeout.toNanos();
        long exitedAt = 0;
        while (running.isOpen()) {
            long now = System.nanoTime();
            if (running.getExitStatus() != null || running.getExitSignal() != null) {
                if (exitedAt == 0) {
                    exitedAt = now;
                } else if (now - exitedAt >= OUTPUT_AFTER_EXIT.toNanos()) {
                    return;
                }
            }
            if (now - deadline >= 0) {
                stop(running);
                throw new CommandTimedOutException(target, command, timeout);
            }
            try {
                running.join(Math.min(POLL_NANOS, deadline - now), TimeUnit.NANOSECONDS);
            } catch (ConnectionException e) {
                if (!client.isConnected()) {
                    throw e;
                }
                // Not closed yet: look again.
            }
        }
    }

    /**
     * Ends a command that ran out of time. The KILL signal works where sshd allows it (OpenSSH 8.1 and later, not for
     * root logins); closing only the channel would wait for the command, since sshd keeps a session channel open
     * while its process lives, so the whole connection is closed.
     */
    private void stop(Session.Command running) {
        try {
            running.signal(Signal.KILL);
        } catch (IOException | RuntimeException e) {
            // Best effort: the connection is closed next either way.
        }
        close();
    }

    @Override
    public void upload(String remotePath, byte[] content, int mode) {
        requirePath(remotePath);
        Objects.requireNonNull(content, "content");
        if (mode < 0 || mode > 07777) {
            throw new IllegalArgumentException("a file mode is between 0 and 07777 (octal), not 0"
                    + Integer.toOctalString(mode));
        }
        requireOpen();
        try {
            files.write(remotePath, content, mode);
        } catch (IOException e) {
            throw lost("writing " + remotePath, e);
        }
    }

    @Override
    public byte[] read(String remotePath) {
        requirePath(remotePath);
        requireOpen();
        try {
            return files.read(remotePath);
        } catch (IOException e) {
            throw lost("reading " + remotePath, e);
        }
    }

    private void requireOpen() {
        if (!client.isConnected()) {
            throw new SshException(target, "The SSH session to " + target + " is closed (a command timed out, the "
                    + "connection dropped, or it was closed); open a new one.", null);
        }
    }

    private void requirePath(String remotePath) {
        if (remotePath == null || remotePath.isBlank() || remotePath.indexOf('\0') >= 0) {
            throw new IllegalArgumentException("a remote path must not be blank");
        }
    }

    private SshException lost(String doing, IOException e) {
        return new SshException(target, "The SSH session to " + target + " failed while " + doing + ": "
                + e.getMessage() + ". Check that the host is still up and try again.", e);
    }

    @Override
    public void close() {
        files.close();
        try {
            client.close();
        } catch (IOException e) {
            // Nothing left to do with a session that will not close cleanly.
        }
    }

    @Override
    public String toString() {
        return "RemoteHost[" + target + ", " + hostKey + "]";
    }
}
