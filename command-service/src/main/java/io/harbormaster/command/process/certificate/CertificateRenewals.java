package io.harbormaster.command.process.certificate;

import io.harbormaster.api.audit.ActingContext;
import io.harbormaster.api.audit.AuditMetadata;
import io.harbormaster.api.common.Channel;
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
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.messaging.MetaData;
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

    /** The outcome is reported as whoever asked for the renewal, as it records their decision. */
    @EventHandler
    void on(CertsRenewalRequested event, MetaData metaData) {
        work.afterCommit(event.machineId(), MachineOperation.RENEW_CERTS.name(), requester(metaData),
                () -> pending.isPending(event.machineId(), MachineOperation.RENEW_CERTS),
                (id, reason) -> new FailCertsRenewalCommand(id, reason, false), () -> renew(event));
    }

    /** Carries out the machine's latest renewal request again, after a restart cut it off. */
    public void resume(MachineId machineId) {
        latestRequest(machineId).ifPresent(request -> on(request.getPayload(), request.getMetaData()));
    }

    private Object renew(CertsRenewalRequested request) {
        try {
            var algorithm = request.keyAlgorithm() == null ? null : KeyAlgorithm.parse(request.keyAlgorithm());
            var made = tls.regenerate(request.machineId(), request.machineName().value(), request.dockerUrl(),
                    request.current(), request.rotateCa(), algorithm, request.tlsSans());
            return new RecordCertsRenewalCommand(request.machineId(), made);
        } catch (SecretMissingException | InvalidCertificateRequestException e) {
            return new FailCertsRenewalCommand(request.machineId(), e.getMessage(), false);
        } catch (SecretStoreException e) {
            // the store was away or sealed: the same request may well succeed later
            return new FailCertsRenewalCommand(request.machineId(), e.getMessage(), true);
        }
    }

    @SuppressWarnings("unchecked")
    private Optional<DomainEventMessage<CertsRenewalRequested>> latestRequest(MachineId machineId) {
        DomainEventMessage<CertsRenewalRequested> latest = null;
        var stream = events.readEvents(machineId.value());
        while (stream.hasNext()) {
            var event = stream.next();
            if (event.getPayload() instanceof CertsRenewalRequested) {
                latest = (DomainEventMessage<CertsRenewalRequested>) event;
            }
        }
        return Optional.ofNullable(latest);
    }

    /** The acting context the request was made in, from its event's metadata; the system's when it has none. */
    static ActingContext requester(MetaData metaData) {
        var actorId = (String) metaData.get(AuditMetadata.ACTOR_ID);
        var correlationId = (String) metaData.get(AuditMetadata.CORRELATION_ID);
        if (actorId == null || actorId.isBlank()) {
            return MachineWork.systemContext(correlationId);
        }
        var name = (String) metaData.getOrDefault(AuditMetadata.ACTOR_NAME, actorId);
        var channel = Channel.fromWireName((String) metaData.getOrDefault(AuditMetadata.CHANNEL, "system"));
        var address = (String) metaData.getOrDefault(AuditMetadata.CLIENT_ADDRESS, "");
        return new ActingContext(actorId, name, channel, address, correlationId);
    }
}
