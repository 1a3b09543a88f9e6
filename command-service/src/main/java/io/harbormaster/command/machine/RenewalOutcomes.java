package io.harbormaster.command.machine;

import static io.harbormaster.api.audit.AuditMetadata.CORRELATION_ID;

import io.harbormaster.api.machine.CertsRegenerated;
import io.harbormaster.api.machine.CertsRenewalFailed;
import io.harbormaster.api.machine.CertsRenewalRequested;
import io.harbormaster.api.machine.MachineCertificates;
import io.harbormaster.api.machine.MachineId;
import io.harbormaster.command.refusal.ConflictException;
import io.harbormaster.command.secret.SecretStoreException;
import java.time.Duration;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Lets a request that asked for new TLS material answer with its outcome, as docker-machine's
 * {@code regenerate-certs} does: the certificate process (on this replica or another) records it in the machine's
 * events, which this reads until it is there. A renewal is the only one of its machine while it runs, so the first
 * outcome after the request's own {@link CertsRenewalRequested} is its outcome.
 */
@Component
public class RenewalOutcomes {

    private static final Duration POLL = Duration.ofMillis(20);

    private final EventStore events;
    private final Duration timeout;

    RenewalOutcomes(EventStore events, @Value("${harbormaster.certificates.renewal-wait:30s}") Duration timeout) {
        this.events = events;
        this.timeout = timeout;
    }

    /**
     * The material the renewal asked for under {@code correlationId} made; throws what it failed with (503 when the
     * secret store was away, 409 otherwise), or 409 when it is still running after the wait.
     */
    public MachineCertificates await(MachineId machineId, String correlationId) {
        var deadline = System.nanoTime() + timeout.toNanos();
        long next = 0;
        var requested = false;
        while (true) {
            var stream = events.readEvents(machineId.value(), next);
            while (stream.hasNext()) {
                var event = stream.next();
                next = event.getSequenceNumber() + 1;
                var payload = event.getPayload();
                if (payload instanceof CertsRenewalRequested
                        && correlationId.equals(event.getMetaData().get(CORRELATION_ID))) {
                    requested = true;
                } else if (requested && payload instanceof CertsRegenerated made) {
                    return MachineCertificates.of(made);
                } else if (requested && payload instanceof CertsRenewalFailed failed) {
                    throw failure(failed);
                }
            }
            if (System.nanoTime() > deadline) {
                throw new ConflictException("certificate-renewal-running", "The new certificates of machine "
                        + machineId.value() + " are still being made; its history shows when they are stored.");
            }
            sleep();
        }
    }

    private static RuntimeException failure(CertsRenewalFailed failed) {
        return failed.retryable() ? new SecretStoreException(failed.reason())
                : new ConflictException("certificate-renewal-failed", failed.reason());
    }

    private static void sleep() {
        try {
            Thread.sleep(POLL);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for new certificates", e);
        }
    }
}
