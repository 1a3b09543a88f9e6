package io.harbormaster.command.process.provisioning;

import io.harbormaster.api.audit.CurrentActingContext;
import io.harbormaster.api.machine.MachineCertificates;
import io.harbormaster.command.secret.WaitingSecretStore;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;

/**
 * A new machine's first CA and server certificate, minted and stored on a virtual thread of their own while SSH
 * connects and looks at the host: the provisioner needs them only once it pushes them, and neither waits for the
 * other. A failure to mint is thrown as it was, to whoever asks for the certificates.
 */
public final class CertificatesInMinting implements Supplier<MachineCertificates> {

    private final CompletableFuture<MachineCertificates> minting;

    private CertificatesInMinting(CompletableFuture<MachineCertificates> minting) {
        this.minting = minting;
    }

    /** Starts {@code mint} now, as the current acting context; its time is recorded as the certificates step. */
    public static CertificatesInMinting start(Supplier<MachineCertificates> mint, ProvisioningStepTimes times) {
        var actor = CurrentActingContext.orSystem();
        var waitForSecretStoreUntil = WaitingSecretStore.deadline();
        var minting = new CompletableFuture<MachineCertificates>();
        Thread.ofVirtual().name("certificates-minting").start(() -> {
            var started = System.nanoTime();
            try {
                minting.complete(waitForSecretStoreUntil == null ? CurrentActingContext.callAs(actor, mint)
                        : WaitingSecretStore.waitingUntil(waitForSecretStoreUntil,
                                () -> CurrentActingContext.callAs(actor, mint)));
            } catch (Exception | Error e) {
                minting.completeExceptionally(e);
            } finally {
                times.recordSince(ProvisioningStepTimes.CERTIFICATES, started);
            }
        });
        return new CertificatesInMinting(minting);
    }

    /** The certificates, once minted; throws what minting threw. */
    @Override
    public MachineCertificates get() {
        try {
            return minting.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            if (e.getCause() instanceof Error cause) {
                throw cause;
            }
            throw e;
        }
    }

    /**
     * Waits until minting ended, whatever its outcome: a creation that failed on the host is reported only after its
     * certificates are stored or not, as when they were minted first.
     */
    public void settle() {
        try {
            minting.join();
        } catch (CompletionException e) {
            // the failure on the host is the one to report
        }
    }
}
