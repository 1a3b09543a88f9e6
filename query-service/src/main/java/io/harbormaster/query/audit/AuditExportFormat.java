package io.harbormaster.query.audit;

import io.harbormaster.api.audit.AuditEntry;
import io.harbormaster.query.web.BadParameterException;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.ObjectWriter;
import tools.jackson.databind.SerializationFeature;

/** The formats a team audit log exports to, each writing entries one by one as they are read. */
enum AuditExportFormat {

    CSV("text/csv; charset=UTF-8") {
        @Override
        EntryWriter open(OutputStream out, ObjectMapper json) throws IOException {
            return new AuditCsvWriter(new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8)));
        }
    },
    /** A JSON array of the same entries, with the same field names, as the list's {@code items}. */
    JSON("application/json") {
        @Override
        EntryWriter open(OutputStream out, ObjectMapper json) {
            return new JsonArrayWriter(out, json);
        }
    };

    private final String contentType;

    AuditExportFormat(String contentType) {
        this.contentType = contentType;
    }

    /**
     * Writes entries into an open export. Only {@link #finish()} completes the document: an export cut short by a
     * failure must not end as a well-formed file that looks complete.
     */
    interface EntryWriter {

        void write(AuditEntry entry) throws IOException;

        /** Completes the document and flushes it. */
        void finish() throws IOException;
    }

    /** Starts an export on {@code out}; {@code json} is the mapper the list answers with, so fields match. */
    abstract EntryWriter open(OutputStream out, ObjectMapper json) throws IOException;

    String contentType() {
        return contentType;
    }

    String extension() {
        return name().toLowerCase(Locale.ROOT);
    }

    static List<String> allowed() {
        return Arrays.stream(values()).map(AuditExportFormat::extension).toList();
    }

    /** The format named by the parameter, ignoring case; absent or unknown is a 400 listing the formats. */
    static AuditExportFormat parse(String parameter, String raw) {
        var wanted = raw == null ? "" : raw.strip();
        return Arrays.stream(values())
                .filter(format -> format.extension().equalsIgnoreCase(wanted))
                .findFirst()
                .orElseThrow(() -> new BadParameterException(parameter, parameter + " must be one of " + allowed()
                        + (wanted.isEmpty() ? "" : "; got '" + wanted + "'"), allowed()));
    }

    /** Streams a JSON array: one entry at a time through the generator, never the whole list in memory. */
    private static final class JsonArrayWriter implements EntryWriter {

        private final JsonGenerator generator;
        private final ObjectWriter entries;

        JsonArrayWriter(OutputStream out, ObjectMapper json) {
            // flushing after every entry would send each one as its own tiny chunk
            this.entries = json.writer().without(SerializationFeature.FLUSH_AFTER_WRITE_VALUE);
            this.generator = json.createGenerator(out);
            generator.writeStartArray();
        }

        @Override
        public void write(AuditEntry entry) {
            entries.writeValue(generator, entry);
        }

        @Override
        public void finish() {
            generator.writeEndArray();
            generator.flush();
        }
    }
}
