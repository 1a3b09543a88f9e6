package io.harbormaster.api.audit;

import io.harbormaster.api.common.Channel;
import java.util.UUID;

/**
 * Who is acting, through which channel, from where, under which correlation id. Attached to every command when it
 * is dispatched and copied to every event it causes.
 */
public record ActingContext(String actorId, String actorName, Channel channel, String clientAddress, String correlationId) {

    public ActingContext {
        if (actorId == null || actorId.isBlank()) {
            throw new IllegalArgumentException("actorId must not be empty");
        }
        if (channel == null) {
            throw new IllegalArgumentException("channel must not be null");
        }
        actorName = actorName == null ? actorId : actorName;
        clientAddress = clientAddress == null ? "" : clientAddress;
        correlationId = correlationId == null || correlationId.isBlank() ? UUID.randomUUID().toString() : correlationId;
    }

    /** The platform acting on its own (bootstrap, processes), with a new correlation id. */
    public static ActingContext system() {
        return new ActingContext(AuditMetadata.SYSTEM_ACTOR, AuditMetadata.SYSTEM_ACTOR, Channel.SYSTEM, "", null);
    }
}
