package io.harbormaster.command.provision;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;

/**
 * Making the host's sshd trust the machine's SSH user CA, on a session channel of its own while the machine's TLS
 * material is written over SFTP: the two do not depend on each other. The outcome is reported once, from the
 * provisioning thread and before the push-certs step's, so the machine's events keep the order they always had.
 */
final class SshUserCaTrustInBackground {

    private final CompletableFuture<String> outcome = new CompletableFuture<>();
    private boolean reported;

    private SshUserCaTrustInBackground() {
    }

    /** Starts {@code trust}, which answers the file sshd reads the CA from or throws why it could not. */
    static SshUserCaTrustInBackground start(Supplier<String> trust) {
        var background = new SshUserCaTrustInBackground();
        Thread.ofVirtual().name("ssh-user-ca-trust").start(() -> {
            try {
                background.outcome.complete(trust.get());
            } catch (RuntimeException | Error e) {
                background.outcome.completeExceptionally(e);
            }
        });
        return background;
    }

    /**
     * Waits for the outcome and reports it: trusted, or refused with the reason (provisioning goes on). A broken
     * SSH session is thrown, as any other step's would be.
     */
    void report(ProvisioningProgress progress) {
        if (reported) {
            return;
        }
        reported = true;
        try {
            progress.sshUserCaTrusted(outcome.join());
        } catch (CompletionException e) {
            if (e.getCause() instanceof ProvisioningException refused) {
                progress.sshUserCaRefused(refused.getMessage());
            } else if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            } else {
                throw e;
            }
        }
    }

    /** When another step failed: waits for the outcome and reports it as far as it can, never throwing. */
    void reportAfterFailure(ProvisioningProgress progress) {
        try {
            report(progress);
        } catch (RuntimeException e) {
            // the step that failed is the one to report
        }
    }
}
