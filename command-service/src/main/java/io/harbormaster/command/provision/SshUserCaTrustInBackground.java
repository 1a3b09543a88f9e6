package io.harbormaster.command.provision;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;

/**
 * Making the host's sshd trust the machine's SSH user CA, on a session channel of its own while Docker Engine is
 * configured and restarted over another: the two do not depend on each other, and the restart spends most of its
 * time waiting for the old daemon to exit. The outcome is reported once, from the provisioning thread, so the
 * machine's events stay in the order the provisioner reports them.
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
