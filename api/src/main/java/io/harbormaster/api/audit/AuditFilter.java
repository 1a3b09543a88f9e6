package io.harbormaster.api.audit;

import io.harbormaster.api.common.Channel;
import java.time.Instant;

/**
 * Narrows the audit log; every part optional. {@code actor} matches the actor's id or login name, {@code action} an
 * event name such as {@code MachineHandedOff}; the time range is {@code [from, to)}.
 */
public record AuditFilter(String actor, Channel channel, String action, Instant from, Instant to) {

    public AuditFilter {
        if (from != null && to != null && !from.isBefore(to)) {
            throw new IllegalArgumentException("from must be before to");
        }
        if (actor != null && actor.isBlank()) {
            actor = null;
        }
        if (action != null && action.isBlank()) {
            action = null;
        }
    }

    public static AuditFilter any() {
        return new AuditFilter(null, null, null, null, null);
    }
}
