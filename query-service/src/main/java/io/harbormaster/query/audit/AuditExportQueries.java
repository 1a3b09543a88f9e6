package io.harbormaster.query.audit;

import io.harbormaster.api.audit.AuditExportFile;
import io.harbormaster.api.audit.AuditFilter;
import io.harbormaster.api.audit.ExportTeamAuditLogQuery;
import io.harbormaster.query.web.NotFoundException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * The audit export for the portal, over the query bus: the same checks and the same writer as the REST export, into
 * memory (an export holds at most {@link AuditExport#MAX_ROWS} entries, a few tens of megabytes at worst).
 */
@Component
class AuditExportQueries {

    private final AuditExport export;
    private final Clock clock = Clock.systemUTC();

    AuditExportQueries(AuditQueries queries, JsonMapper json) {
        this.export = new AuditExport(queries, json, AuditExport.CHUNK_SIZE, AuditExport.MAX_ROWS);
    }

    @QueryHandler
    AuditExportFile handle(ExportTeamAuditLogQuery query) {
        var format = AuditExportFormat.parse("format", query.format());
        var filter = query.filter() == null ? new AuditFilter(null, null, null, null, null) : query.filter();
        String teamName;
        try {
            teamName = export.check(query.teamId(), filter, query.caller());
        } catch (NotFoundException e) {
            return null;
        }
        var out = new ByteArrayOutputStream();
        try {
            export.write(query.teamId(), filter, format, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new AuditExportFile(AuditExport.fileName(teamName, query.teamId().value(), format, clock.instant()),
                format.contentType(), out.toByteArray());
    }
}
