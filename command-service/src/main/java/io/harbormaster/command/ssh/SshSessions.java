package io.harbormaster.command.ssh;

import io.harbormaster.driver.SshTarget;
import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.TimeoutException;
import net.schmizz.sshj.DefaultConfig;
import net.schmizz.sshj.SSHClient;
import net.schmizz.sshj.transport.TransportException;
import net.schmizz.sshj.userauth.UserAuthException;

/**
 * Opens SSH sessions to hosts with a machine's key, checking the host key against the pin recorded on first contact.
 * Thread-safe; every session it opens is independent.
 */
public class SshSessions {

    private final SshSettings settings;
    private final DefaultConfig config = new DefaultConfig();

    public SshSessions(SshSettings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    public SshSettings settings() {
        return settings;
    }

    /**
     * Connects to {@code target}, checks its host key and logs in with {@code key}.
     *
     * @param pinned the host key pinned on first contact, or null for a first contact: then any host key is accepted,
     *               and {@link RemoteHost#hostKey()} tells the one to pin
     * @throws HostUnreachableException when no SSH server answers at the target in time
     * @throws HostKeyChangedException when the host presents another key than {@code pinned}
     * @throws SshAuthenticationException when the host refuses the key
     */
    public RemoteHost open(SshTarget target, SshKey key, HostKey pinned) {
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(key, "key");
        var verifier = new PinningHostKeyVerifier(pinned);
        var handshake = settings.connectTimeout().plus(settings.authTimeout());
        var client = new SSHClient(config);
        client.setConnectTimeout(millis(settings.connectTimeout()));
        client.getTransport().setTimeoutMs(millis(settings.authTimeout()));
        client.addHostKeyVerifier(verifier);
        try (var deadline = new HandshakeDeadline(handshake, "ssh-handshake " + target.address())) {
            client.setSocketFactory(deadline);
            connect(client, target, verifier, deadline, handshake);
        } catch (RuntimeException e) {
            closeQuietly(client);
            throw e;
        }
        try {
            authenticate(client, target, key);
            return new SshjRemoteHost(client, target, verifier.presented(), settings);
        } catch (RuntimeException e) {
            closeQuietly(client);
            throw e;
        }
    }

    private void connect(SSHClient client, SshTarget target, PinningHostKeyVerifier verifier,
                         HandshakeDeadline deadline, Duration handshake) {
        try {
            client.connect(target.host(), target.port());
        } catch (UnknownHostException e) {
            throw new HostUnreachableException(target, "the name '" + target.host() + "' does not resolve", e);
        } catch (ConnectException e) {
            throw new HostUnreachableException(target, "the connection was refused (nothing listens there)", e);
        } catch (SocketTimeoutException e) {
            throw new HostUnreachableException(target, "no answer to the connection within "
                    + SshException.describe(settings.connectTimeout()), e);
        } catch (NoRouteToHostException e) {
            throw new HostUnreachableException(target, "there is no route to the host", e);
        } catch (IOException e) {
            if (verifier.refused()) {
                throw new HostKeyChangedException(target, verifier.pinned(), verifier.presented(), e);
            }
            if (deadline.expired() || causedByTimeout(e)) {
                throw new HostUnreachableException(target, "a connection was made, but no SSH handshake finished "
                        + "within " + SshException.describe(handshake), e);
            }
            throw new SshException(target, "The SSH handshake with " + target.address() + " failed ("
                    + e.getMessage() + "). Check that an SSH server (OpenSSH 7 or later) listens there.", e);
        }
    }

    private void authenticate(SSHClient client, SshTarget target, SshKey key) {
        try {
            client.authPublickey(target.user(), client.loadKeys(key.keyPair()));
        } catch (UserAuthException e) {
            if (causedByTimeout(e)) {
                throw new SshException(target, "The SSH server at " + target.address() + " did not answer the login "
                        + "of user '" + target.user() + "' within " + SshException.describe(settings.authTimeout())
                        + ". The host may be overloaded; try again.", e);
            }
            throw new SshAuthenticationException(target, key, e);
        } catch (TransportException e) {
            throw new SshException(target, "The SSH connection to " + target.address() + " broke while logging in "
                    + "user '" + target.user() + "': " + e.getMessage() + ". Try again.", e);
        }
    }

    static boolean causedByTimeout(Throwable e) {
        for (var cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof TimeoutException || cause instanceof SocketTimeoutException) {
                return true;
            }
        }
        return false;
    }

    private static int millis(Duration duration) {
        return (int) duration.toMillis();
    }

    private static void closeQuietly(SSHClient client) {
        try {
            client.close();
        } catch (IOException | RuntimeException e) {
            // Already failing; the first error is the one to report.
        }
    }
}
