package io.harbormaster.workstation;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A client bundle: {@code ca.pem}, {@code cert.pem} ({@code 0644}) and {@code key.pem} ({@code 0600}), as a tar or a
 * zip, optionally inside one folder ({@code dev/ca.pem}, folder {@code 0755}) so unpacking it does not spill files
 * into the current folder. Every entry carries {@code modified}, so the same material gives the same bytes.
 *
 * @param material the PEM files
 * @param folder the folder the files go in, such as the machine name; empty for none
 * @param modified the modification time of every entry, e.g. when the client certificate was issued
 */
public record ClientBundle(TlsMaterial material, String folder, Instant modified) {

    private static final Pattern FOLDER = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,99}");

    public ClientBundle {
        Objects.requireNonNull(material, "material");
        Objects.requireNonNull(modified, "modified");
        folder = folder == null ? "" : folder;
        if (!folder.isEmpty() && !FOLDER.matcher(folder).matches()) {
            throw new IllegalArgumentException("The bundle folder must be one plain name of letters, digits, '.', '_' "
                    + "and '-' (like a machine name), at most 100 characters; leave it empty for no folder.");
        }
    }

    /** The files at the top of the archive. */
    public static ClientBundle flat(TlsMaterial material, Instant modified) {
        return new ClientBundle(material, "", modified);
    }

    /** The files inside {@code folder}. */
    public static ClientBundle inFolder(String folder, TlsMaterial material, Instant modified) {
        return new ClientBundle(material, folder, modified);
    }

    /** Writes the bundle as a ustar tar; the stream is left open. */
    public void writeTar(OutputStream out) {
        Archives.writeTar(entries(), modified, out);
    }

    /** Writes the bundle as a zip; the stream is left open. */
    public void writeZip(OutputStream out) {
        Archives.writeZip(entries(), modified, out);
    }

    /** The bundle as a ustar tar. */
    public byte[] tar() {
        var bytes = new ByteArrayOutputStream();
        writeTar(bytes);
        return bytes.toByteArray();
    }

    /** The bundle as a zip. */
    public byte[] zip() {
        var bytes = new ByteArrayOutputStream();
        writeZip(bytes);
        return bytes.toByteArray();
    }

    private List<ArchiveEntry> entries() {
        var prefix = folder.isEmpty() ? "" : folder + "/";
        var entries = new ArrayList<ArchiveEntry>();
        if (!folder.isEmpty()) {
            entries.add(ArchiveEntry.directory(folder, 0755));
        }
        entries.add(ArchiveEntry.file(prefix + "ca.pem", material.ca(), 0644));
        entries.add(ArchiveEntry.file(prefix + "cert.pem", material.cert(), 0644));
        entries.add(ArchiveEntry.file(prefix + "key.pem", material.key(), 0600));
        return entries;
    }
}
