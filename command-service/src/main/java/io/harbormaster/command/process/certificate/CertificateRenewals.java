package io.harbormaster.command.process.certificate;

import static io.harbormaster.api.audit.AuditMetadata.CORRELATION_ID;

import io.harbormaster.api.machine.CertsRenewalRequested;
import io.harbormaster.api.machine.MachineId;
import io.harbormaster.command.cert.InvalidCertificateRequestException;
import io.harbormaster.command.cert.KeyAlgorithm;
import io.harbormaster.command.cert.MachineTls;
import io.harbormaster.command.machine.FailCertsRenewalCommand;
import io.harbormaster.command.machine.RecordCertsRenewalCommand;
import io.harbormaster.command.process.MachineOperation;
import io.harbormaster.command.process.MachineWork;
import io.harbormaster.command.process.PendingOperationCheck;
import io.harbormaster.command.secret.SecretStoreException;
import io.harbormaster.command.secret.SecretMissingException;
import java.util.Optional;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.springframework.stereotype.Component;

/**
 * Makes the TLS material a machine decided to renew, stores it as the next secret version and reports it back. It
 * runs only after the {@link CertsRenewalRequested} event is stored, so a command that lost a race on the machine
 * never leaves a secret version behind: there is one stored version per recorded request, written once.
 */
@Component
@ProcessingGroup(MachineWork.PROCESSING_GROUP)
@DisallowReplay
public class CertificateRenewals {

    private final MachineTls tls;
    private final MachineWork work;
    private final PendingOperationCheck pending;
    private final EventStore events;

    public CertificateRenewals(MachineTls tls, MachineWork work, PendingOperationCheck pending, EventStore events) {
        this.tls = tls;
        this.work = work;
        this.pending = pending;
        this.events = events;
    }

    @EventHandler
    void on(CertsRenewalRequested event, @MetaDataValue(CORRELATION_ID) String correlationId) {
        work.afterCommit(event.machineId(), MachineOperation.RENEW_CERTS.name(), correlationId,
                () -> pending.isPending(event.machineId(), MachineOperation.RENEW_CERTS),
                (id, reason) -> new FailCertsRenewalCommand(id, reason, false), () -> renew(event));
    }

    /** Carries out the machine's latest renewal request again, after a restart cut it off. */
    public void resume(MachineId machineId, String correlationId) {
        latestRequest(machineId).ifPresent(request -> on(request, correlationId));
    }

    private Object renew(CertsRenewalRequested request) {
        try {
            var algorithm = request.keyAlgorithm() == null ? null : KeyAlgorithm.parse(request.keyAlgorithm());
            var made = tls.regenerate(request.machineId(), request.machineName().value(), request.dockerUrl(),
                    request.current(), request.rotateCa(), algorithm);
            return new RecordCertsRenewalCommand(request.machineId(), made);
        } catch (SecretMissingException | InvalidCertificateRequestException e) {
            return new FailCertsRenewalCommand(request.machineId(), e.getMessage(), false);
        } catch (SecretStoreException e) {
            // the store was away or sealed: the same request may well succeed later
            return new FailCertsRenewalCommand(request.machineId(), e.getMessage(), true);
        }
    }

    private Optional<CertsRenewalRequested> latestRequest(MachineId machineId) {
        CertsRenewalRequested latest = null;
        var stream = events.readEvents(machineId.value());
        while (stream.hasNext()) {
            if (stream.next().getPayload() instanceof CertsRenewalRequested request) {
                latest = request;
            }
        }
        return Optional.ofNullable(latest);
    }
}
