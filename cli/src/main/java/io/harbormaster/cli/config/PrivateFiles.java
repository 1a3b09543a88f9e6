package io.harbormaster.cli.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * Writes the files that hold credentials and keys: directories {@code 0700}, files {@code 0600}, set when they are
 * created (never a moment of wider access) and replaced atomically, so a crash leaves the old file or the new one,
 * never half of one.
 */
public final class PrivateFiles {

    private static final boolean POSIX = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    private static final Set<PosixFilePermission> DIRECTORY = PosixFilePermissions.fromString("rwx------");
    private static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");

    private PrivateFiles() {
    }

    /** Creates {@code directory} and any missing parents below it as 0700; tightens it if it exists wider. */
    public static Path directory(Path directory) {
        try {
            if (!Files.isDirectory(directory)) {
                var parent = directory.toAbsolutePath().getParent();
                if (parent != null && !Files.isDirectory(parent)) {
                    Files.createDirectories(parent);
                }
                if (POSIX) {
                    Files.createDirectory(directory, PosixFilePermissions.asFileAttribute(DIRECTORY));
                } else {
                    Files.createDirectory(directory);
                }
            }
            if (POSIX && !Files.getPosixFilePermissions(directory).equals(DIRECTORY)) {
                Files.setPosixFilePermissions(directory, DIRECTORY);
            }
            return directory;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create " + directory + ": " + e.getMessage(), e);
        }
    }

    /** Replaces {@code file} with {@code text}, mode 0600, in a directory made private first. */
    public static void write(Path file, String text) {
        directory(file.toAbsolutePath().getParent());
        Path temporary = null;
        try {
            temporary = POSIX
                    ? Files.createTempFile(file.getParent(), "." + file.getFileName(), ".tmp",
                            PosixFilePermissions.asFileAttribute(FILE))
                    : Files.createTempFile(file.getParent(), "." + file.getFileName(), ".tmp");
            Files.writeString(temporary, text, StandardCharsets.UTF_8);
            try {
                Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + file + ": " + e.getMessage(), e);
        } finally {
            if (temporary != null) {
                try {
                    Files.deleteIfExists(temporary);
                } catch (IOException ignored) {
                    // the move took it, or the write failed and the message above says why
                }
            }
        }
    }
}
