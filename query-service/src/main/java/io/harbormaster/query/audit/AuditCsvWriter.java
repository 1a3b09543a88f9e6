package io.harbormaster.query.audit;

import io.harbormaster.api.audit.AuditEntry;
import java.io.IOException;
import java.io.Writer;
import java.util.Objects;

/**
 * Writes audit entries as RFC 4180 CSV: a header row, CRLF after every record, and a field quoted when it holds a
 * comma, a double quote, CR or LF, with inner quotes doubled. Absent values are empty fields.
 *
 * <p>Formula injection: spreadsheets (Excel, LibreOffice, Google Sheets) evaluate a cell that starts with {@code =},
 * {@code +}, {@code -} or {@code @} as a formula, and treat a leading tab or CR likewise. Audit fields carry text that
 * callers choose (machine and token names, display names, summaries built from them), so an export opened by an
 * auditor could otherwise run {@code =HYPERLINK(...)} or DDE payloads planted by whoever caused the event. Such a
 * field therefore gets a leading {@code '}, which spreadsheets show as text (OWASP's advice). The value then differs
 * from the stored one by that one character; programs that need the exact values should read the JSON export.
 */
final class AuditCsvWriter implements AuditExportFormat.EntryWriter {

    static final String HEADER = "occurredAt,action,subject,summary,actorId,actorName,channel,clientAddress,"
            + "correlationId,machineId,eventId";
    private static final String CRLF = "\r\n";

    private final Writer out;

    /** Writes the header row at once, so an export with no entries is the header alone. */
    AuditCsvWriter(Writer out) throws IOException {
        this.out = out;
        out.write(HEADER);
        out.write(CRLF);
    }

    @Override
    public void write(AuditEntry entry) throws IOException {
        var fields = new String[] {
                Objects.toString(entry.occurredAt(), null), entry.action(), entry.subject(), entry.summary(),
                entry.actorId(), entry.actorName(), entry.channel(), entry.clientAddress(), entry.correlationId(),
                entry.machineId() == null ? null : entry.machineId().value(), entry.eventId()};
        for (int i = 0; i < fields.length; i++) {
            if (i > 0) {
                out.write(',');
            }
            out.write(field(fields[i]));
        }
        out.write(CRLF);
    }

    @Override
    public void finish() throws IOException {
        out.flush();
    }

    /** One field, defused against formula injection and then quoted as RFC 4180 requires. */
    static String field(String value) {
        if (value == null || value.isEmpty()) {
            return "";
        }
        var text = startsLikeAFormula(value) ? "'" + value : value;
        if (text.indexOf(',') < 0 && text.indexOf('"') < 0 && text.indexOf('\r') < 0 && text.indexOf('\n') < 0) {
            return text;
        }
        return '"' + text.replace("\"", "\"\"") + '"';
    }

    private static boolean startsLikeAFormula(String value) {
        return switch (value.charAt(0)) {
            case '=', '+', '-', '@', '\t', '\r' -> true;
            default -> false;
        };
    }
}
