package io.harbormaster.query.audit;

import static org.assertj.core.api.Assertions.assertThat;

import io.harbormaster.api.audit.AuditEntry;
import io.harbormaster.api.machine.MachineId;
import io.harbormaster.api.team.TeamId;
import java.io.IOException;
import java.io.StringWriter;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The CSV export's writer as a plain object: RFC 4180 quoting, CRLF records and the formula-injection guard. */
class AuditCsvWriterTest {

    static final TeamId TEAM = TeamId.of("11111111-1111-1111-1111-111111111111");
    static final MachineId MACHINE = MachineId.of("33333333-3333-3333-3333-333333333333");
    static final Instant AT = Instant.parse("2026-03-01T10:00:00Z");
    static final String HEADER = "occurredAt,action,subject,summary,actorId,actorName,channel,clientAddress,"
            + "correlationId,machineId,eventId\r\n";

    static AuditEntry entry(String subject, String summary, String actorName) {
        return new AuditEntry("e-1", AT, TEAM, MACHINE, subject, "MachineStarted", summary, "u-1", actorName, "cli",
                "192.0.2.10", "c-1");
    }

    static String csv(AuditEntry... entries) throws IOException {
        var out = new StringWriter();
        var writer = new AuditCsvWriter(out);
        for (var entry : entries) {
            writer.write(entry);
        }
        writer.finish();
        return out.toString();
    }

    @Test
    void anEmptyExport_isTheHeaderAlone() throws IOException {
        assertThat(csv()).isEqualTo(HEADER);
    }

    @Test
    void plainFields_areWrittenAsTheyAre_inTheHeadersOrder_withCrlfAfterEveryRecord() throws IOException {
        var csv = csv(entry("web-1", "started", "alice"),
                new AuditEntry("e-2", AT, TEAM, null, "ops", "MemberAdded", "bob added as member", null, null, null,
                        null, null));

        assertThat(csv).isEqualTo(HEADER
                + "2026-03-01T10:00:00Z,MachineStarted,web-1,started,u-1,alice,cli,192.0.2.10,c-1,"
                + MACHINE.value() + ",e-1\r\n"
                + "2026-03-01T10:00:00Z,MemberAdded,ops,bob added as member,,,,,,,e-2\r\n");
    }

    @Test
    void fieldsWithCommasQuotesOrLineBreaks_areQuoted_withInnerQuotesDoubled() {
        assertThat(AuditCsvWriter.field("a,b")).isEqualTo("\"a,b\"");
        assertThat(AuditCsvWriter.field("API token 'x' \"laptop\"")).isEqualTo("\"API token 'x' \"\"laptop\"\"\"");
        assertThat(AuditCsvWriter.field("line\nbreak")).isEqualTo("\"line\nbreak\"");
        assertThat(AuditCsvWriter.field("carriage\rreturn")).isEqualTo("\"carriage\rreturn\"");
        assertThat(AuditCsvWriter.field("\"")).isEqualTo("\"\"\"\"");
        assertThat(AuditCsvWriter.field("plain text")).isEqualTo("plain text");
        assertThat(AuditCsvWriter.field("")).isEmpty();
        assertThat(AuditCsvWriter.field(null)).isEmpty();
    }

    @Test
    void fieldsThatASpreadsheetWouldRunAsAFormula_getALeadingApostrophe() {
        assertThat(AuditCsvWriter.field("=HYPERLINK(\"http://evil\")"))
                .isEqualTo("\"'=HYPERLINK(\"\"http://evil\"\")\"");
        assertThat(AuditCsvWriter.field("+1")).isEqualTo("'+1");
        assertThat(AuditCsvWriter.field("-2+3")).isEqualTo("'-2+3");
        assertThat(AuditCsvWriter.field("@SUM(A1)")).isEqualTo("'@SUM(A1)");
        assertThat(AuditCsvWriter.field("\t=1")).isEqualTo("'\t=1");
        assertThat(AuditCsvWriter.field("\r=1")).isEqualTo("\"'\r=1\"");
        // only the first character matters
        assertThat(AuditCsvWriter.field("a=1")).isEqualTo("a=1");
        assertThat(AuditCsvWriter.field("x@y")).isEqualTo("x@y");
    }

    @Test
    void aWholeRecord_keepsItsFieldCount_whateverTheFieldsHold() throws IOException {
        var csv = csv(entry("=cmd|' /C calc'!A0", "shared with \"qa\", as viewer\r\nnext", "-bob"));

        assertThat(csv).isEqualTo(HEADER
                + "2026-03-01T10:00:00Z,MachineStarted,'=cmd|' /C calc'!A0,"
                + "\"shared with \"\"qa\"\", as viewer\r\nnext\","
                + "u-1,'-bob,cli,192.0.2.10,c-1," + MACHINE.value() + ",e-1\r\n");
    }
}
