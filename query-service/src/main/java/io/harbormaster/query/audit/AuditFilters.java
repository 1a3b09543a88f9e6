package io.harbormaster.query.audit;

import io.harbormaster.api.audit.AuditFilter;
import io.harbormaster.query.web.BadParameterException;
import io.harbormaster.query.web.Params;

/**
 * Reads the team audit log's filter parameters ({@code actor}, {@code channel}, {@code action}, {@code from},
 * {@code to}) the same way for the paged list and the export, so both always narrow the log alike. Every failure
 * names its parameter.
 */
final class AuditFilters {

    private AuditFilters() {
    }

    static AuditFilter parse(String actor, String channel, String action, String from, String to) {
        var start = Params.instant("from", from);
        var end = Params.instant("to", to);
        if (start != null && end != null && !start.isBefore(end)) {
            throw new BadParameterException("from", "from must be before to; got from=" + start + ", to=" + end);
        }
        return new AuditFilter(Params.optional(actor), Params.channel("channel", channel), Params.optional(action),
                start, end);
    }
}
