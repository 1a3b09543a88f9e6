package io.harbormaster.query.testing;

import io.harbormaster.api.audit.AuditMetadata;
import java.time.Instant;
import java.util.Map;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.messaging.MetaData;

/** Event metadata as the command side attaches it, and domain event messages built from it for handler tests. */
public record Acting(String actorId, String actorName, String channel, String clientAddress, String correlationId) {

    public static Acting cli(String actorId, String actorName) {
        return new Acting(actorId, actorName, "cli", "192.0.2.10", "corr-" + actorName);
    }

    public static Acting ui(String actorId, String actorName) {
        return new Acting(actorId, actorName, "ui", "198.51.100.7", "corr-ui-" + actorName);
    }

    public static Acting reconciler() {
        return new Acting(AuditMetadata.SYSTEM_ACTOR, AuditMetadata.SYSTEM_ACTOR, "reconciler", "", "corr-rec");
    }

    public MetaData metaData() {
        return MetaData.from(Map.of(
                AuditMetadata.ACTOR_ID, actorId,
                AuditMetadata.ACTOR_NAME, actorName,
                AuditMetadata.CHANNEL, channel,
                AuditMetadata.CLIENT_ADDRESS, clientAddress,
                AuditMetadata.CORRELATION_ID, correlationId));
    }

    /** A stored event as Axon hands it to a handler: aggregate id, sequence number, id, timestamp and metadata. */
    public DomainEventMessage<Object> event(String eventId, String aggregateId, long seq, Instant at, Object payload) {
        return new GenericDomainEventMessage<>(payload.getClass().getSimpleName(), aggregateId, seq, payload,
                metaData(), eventId, at);
    }
}
