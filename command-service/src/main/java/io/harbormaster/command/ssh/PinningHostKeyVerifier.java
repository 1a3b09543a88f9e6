package io.harbormaster.command.ssh;

import java.security.PublicKey;
import java.util.List;
import net.schmizz.sshj.transport.verification.HostKeyVerifier;

/**
 * Accepts any host key on first contact (no pin yet) and remembers it, so the caller can pin it; with a pin, accepts
 * only a key with the pinned fingerprint.
 */
final class PinningHostKeyVerifier implements HostKeyVerifier {

    private final HostKey pinned;
    private volatile HostKey presented;

    PinningHostKeyVerifier(HostKey pinned) {
        this.pinned = pinned;
    }

    @Override
    public boolean verify(String hostname, int port, PublicKey key) {
        presented = new HostKey(SshFingerprints.type(key), SshFingerprints.sha256(key));
        return pinned == null || pinned.fingerprint().equals(presented.fingerprint());
    }

    /**
     * Asks a host with several host keys for the pinned kind first; otherwise a new key type on the host, or a new
     * sshj preference order, would look like a changed key.
     */
    @Override
    public List<String> findExistingAlgorithms(String hostname, int port) {
        if (pinned == null) {
            return List.of();
        }
        // One RSA key signs with any of these algorithms; the server picks the first it supports.
        return pinned.type().equals("ssh-rsa") ? List.of("rsa-sha2-512", "rsa-sha2-256", "ssh-rsa")
                : List.of(pinned.type());
    }

    /** The key the host presented, or null when the handshake did not get that far. */
    HostKey presented() {
        return presented;
    }

    /** Whether the host presented a key that is not the pinned one. */
    boolean refused() {
        return pinned != null && presented != null && !pinned.fingerprint().equals(presented.fingerprint());
    }

    HostKey pinned() {
        return pinned;
    }
}
