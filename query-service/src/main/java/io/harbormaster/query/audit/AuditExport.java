package io.harbormaster.query.audit;

import io.harbormaster.api.audit.AuditEntry;
import io.harbormaster.api.audit.AuditFilter;
import io.harbormaster.api.team.TeamId;
import io.harbormaster.query.web.NotFoundException;
import java.io.IOException;
import java.io.OutputStream;
import tools.jackson.databind.ObjectMapper;

/**
 * Exports a team's audit log: every entry the list would show for the same filter, newest first, read in chunks
 * and written one by one, so neither the rows nor the document are ever held whole in memory. An export is bounded:
 * when more entries match than {@code maxRows}, it is refused before anything is written.
 */
final class AuditExport {

    static final int CHUNK_SIZE = 500;
    private static final java.time.format.DateTimeFormatter FILE_TIME = java.time.format.DateTimeFormatter
            .ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(java.time.ZoneOffset.UTC);
    static final long MAX_ROWS = 100_000;

    private final AuditQueries queries;
    private final ObjectMapper json;
    private final int chunkSize;
    private final long maxRows;

    AuditExport(AuditQueries queries, ObjectMapper json, int chunkSize, long maxRows) {
        if (chunkSize < 1 || maxRows < 0) {
            throw new IllegalArgumentException("chunkSize must be positive and maxRows not negative");
        }
        this.queries = queries;
        this.json = json;
        this.chunkSize = chunkSize;
        this.maxRows = maxRows;
    }

    long maxRows() {
        return maxRows;
    }

    /**
     * Checks that the export can be answered, before a byte of it is sent.
     *
     * @return the team's name, for the file name
     * @throws NotFoundException when the audit trail knows no such team
     * @throws TooManyEntriesException when more than {@code maxRows} entries match
     */
    String check(TeamId team, AuditFilter filter, io.harbormaster.api.user.Caller caller) {
        if (!queries.maySeeTeam(team, caller)) {
            throw new NotFoundException("No team with id " + team.value());
        }
        return check(team, filter);
    }

    /**
     * Checks that the platform log can be exported (the caller's admin right is checked by the API's security).
     *
     * @throws TooManyEntriesException when more than {@code maxRows} entries match
     */
    void checkPlatform(AuditFilter filter) {
        if (queries.countTeamLog(null, filter, maxRows + 1) > maxRows) {
            throw new TooManyEntriesException(maxRows);
        }
    }

    /** {@link #check(TeamId, AuditFilter, io.harbormaster.api.user.Caller)} without the access check. */
    String check(TeamId team, AuditFilter filter) {
        var name = queries.teamName(team)
                .orElseThrow(() -> new NotFoundException("No team with id " + team.value()));
        if (queries.countTeamLog(team, filter, maxRows + 1) > maxRows) {
            throw new TooManyEntriesException(maxRows);
        }
        return name;
    }

    /**
     * Writes the matching entries of the team's log (null team: the platform log) to {@code out} in the given format
     * and completes the document. If reading or
     * writing fails part-way, the exception propagates and the document is left unfinished on purpose.
     *
     * @return how many entries were written
     */
    long write(TeamId team, AuditFilter filter, AuditExportFormat format, OutputStream out) throws IOException {
        var writer = format.open(out, json);
        long written = 0;
        AuditEntry last = null;
        while (written < maxRows) {
            var chunk = queries.teamLogAfter(team, filter, last, (int) Math.min(chunkSize, maxRows - written));
            for (var entry : chunk) {
                writer.write(entry);
            }
            written += chunk.size();
            if (chunk.size() < chunkSize) {
                break;
            }
            last = chunk.getLast();
        }
        writer.finish();
        return written;
    }

    /** The export's file name: {@code audit-<team>-<UTC time>.<csv|json>}, the team's name made safe for a file. */
    static String fileName(String teamName, String teamId, AuditExportFormat format, java.time.Instant at) {
        var safe = teamName == null ? "" : teamName.replaceAll("[^A-Za-z0-9._-]", "_");
        var team = safe.isBlank() || safe.startsWith(".") ? teamId : safe;
        return "audit-" + team + "-" + FILE_TIME.format(at) + "." + format.extension();
    }

    /** More entries match than one export may hold; answered as 422 asking for a narrower time range. */
    static final class TooManyEntriesException extends RuntimeException {

        private final long limit;

        TooManyEntriesException(long limit) {
            super("More than " + limit + " audit entries match; narrow the time range with 'from' and 'to' "
                    + "(ISO-8601 instants) and export it in parts");
            this.limit = limit;
        }

        long limit() {
            return limit;
        }
    }
}
