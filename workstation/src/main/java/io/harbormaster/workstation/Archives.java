package io.harbormaster.workstation;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.List;
import java.util.TimeZone;
import java.util.zip.CRC32;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.zip.X5455_ExtendedTimestamp;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;

/**
 * Writes entries as a ustar tar or a zip. The same entries and time give the same bytes: every entry carries the
 * given modification time, owner 0 with no owner names, and the zip's local-time field is filled from UTC, not from
 * this server's time zone. The caller's stream is finished but not closed.
 */
final class Archives {

    private static final int REGULAR_FILE = 0100000;
    private static final int DIRECTORY = 040000;

    private Archives() {
    }

    static void writeTar(List<ArchiveEntry> entries, Instant modified, OutputStream out) {
        var time = FileTime.from(modified.truncatedTo(ChronoUnit.SECONDS));
        try {
            var tar = new TarArchiveOutputStream(out, StandardCharsets.UTF_8.name());
            for (var entry : entries) {
                var header = new TarArchiveEntry(entry.path());
                header.setMode((entry.directory() ? DIRECTORY : REGULAR_FILE) | entry.permissions());
                header.setSize(entry.content().length);
                header.setModTime(time);
                header.setUserId(0);
                header.setGroupId(0);
                header.setUserName("");
                header.setGroupName("");
                tar.putArchiveEntry(header);
                tar.write(entry.content());
                tar.closeArchiveEntry();
            }
            tar.finish();
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write the tar archive", e);
        }
    }

    static void writeZip(List<ArchiveEntry> entries, Instant modified, OutputStream out) {
        var whole = modified.truncatedTo(ChronoUnit.SECONDS);
        try {
            var zip = new ZipArchiveOutputStream(out);
            for (var entry : entries) {
                var header = new UtcFieldsEntry(entry.path(), dosFieldsInUtc(whole));
                header.setUnixMode((entry.directory() ? DIRECTORY : REGULAR_FILE) | entry.permissions());
                // Stored, not deflated: the files are small, and with sizes and CRC known up front the zip needs no
                // data descriptors.
                header.setMethod(ZipArchiveEntry.STORED);
                header.setSize(entry.content().length);
                header.setCrc(crc(entry.content()));
                var exact = new X5455_ExtendedTimestamp();
                exact.setModifyJavaTime(Date.from(whole));
                header.addExtraField(exact);
                zip.putArchiveEntry(header);
                zip.write(entry.content());
                zip.closeArchiveEntry();
            }
            zip.finish();
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write the zip archive", e);
        }
    }

    /**
     * An entry that hands the writer a fixed time for the DOS date and time fields. The library would otherwise derive
     * them from the extended timestamp in this server's time zone, and setting the time directly drops that field.
     */
    private static final class UtcFieldsEntry extends ZipArchiveEntry {

        private final long dosFieldsTime;

        UtcFieldsEntry(String name, long dosFieldsTime) {
            super(name);
            this.dosFieldsTime = dosFieldsTime;
        }

        @Override
        public long getTime() {
            return dosFieldsTime;
        }
    }

    /**
     * The Java time whose local-time fields equal {@code instant}'s UTC fields: the zip library fills the DOS date
     * from local time, which would make the bytes depend on the server's zone. unzip restores the exact time from the
     * extended timestamp field instead.
     */
    private static long dosFieldsInUtc(Instant instant) {
        long millis = instant.toEpochMilli();
        return millis - TimeZone.getDefault().getOffset(millis);
    }

    private static long crc(byte[] content) {
        var crc = new CRC32();
        crc.update(content);
        return crc.getValue();
    }
}
