package io.harbormaster.standalone.database;

import io.zonky.test.db.postgres.embedded.DefaultPostgresBinaryResolver;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.HexFormat;
import java.util.Locale;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.tukaani.xz.XZInputStream;

/**
 * The PostgreSQL programs shipped in a jar (zonky's binaries), unpacked once under the Harbormaster home. Kept there
 * rather than in the temporary directory, which the system may clean while the platform runs: the watchdog needs
 * them to start PostgreSQL again.
 */
record PostgresBinaries(Path directory) {

    /**
     * PostgreSQL refuses to run as root; as root (containers, CI) its programs run in a user namespace of their own
     * ({@code unshare -U}), where they are an unprivileged user, as zonky's own start does.
     */
    List<String> command(Path program, String... arguments) {
        var command = new ArrayList<String>();
        if (AS_ROOT) {
            command.addAll(List.of("unshare", "-U"));
        }
        command.add(program.toString());
        command.addAll(List.of(arguments));
        return command;
    }

    private static final boolean AS_ROOT = "root".equals(System.getProperty("user.name"));

    Path initdb() {
        return directory.resolve("bin/initdb");
    }

    Path pgCtl() {
        return directory.resolve("bin/pg_ctl");
    }

    Path postgres() {
        return directory.resolve("bin/postgres");
    }

    /** Unpacks the binaries for this system under {@code parent}, named by the archive's digest, unless already there. */
    static PostgresBinaries unpackUnder(Path parent) throws IOException {
        var os = System.getProperty("os.name").toLowerCase(Locale.ROOT).contains("mac") ? "Darwin" : "Linux";
        var arch = switch (System.getProperty("os.arch")) {
            case "amd64", "x86_64" -> "x86_64";
            case "aarch64", "arm64" -> "arm_64";
            default -> System.getProperty("os.arch");
        };
        var target = parent.resolve(digest(os, arch));
        var binaries = new PostgresBinaries(target);
        if (Files.isExecutable(binaries.postgres())) {
            return binaries;
        }
        var staging = Files.createTempDirectory(parent, "unpacking-");
        try (var archive = DefaultPostgresBinaryResolver.INSTANCE.getPgBinary(os, arch)) {
            extract(archive, staging);
        }
        try {
            Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            if (!Files.isExecutable(binaries.postgres())) {
                throw e;
            }
        }
        return binaries;
    }

    private static String digest(String os, String arch) throws IOException {
        try (var archive = new DigestInputStream(DefaultPostgresBinaryResolver.INSTANCE.getPgBinary(os, arch),
                MessageDigest.getInstance("SHA-256"))) {
            archive.transferTo(java.io.OutputStream.nullOutputStream());
            return "pg-" + HexFormat.of().formatHex(archive.getMessageDigest().digest()).substring(0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void extract(InputStream compressed, Path into) throws IOException {
        try (var tar = new TarArchiveInputStream(new XZInputStream(compressed))) {
            for (var entry = tar.getNextEntry(); entry != null; entry = tar.getNextEntry()) {
                var path = into.resolve(entry.getName()).normalize();
                if (!path.startsWith(into)) {
                    throw new IOException("Refusing archive entry outside the target: " + entry.getName());
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(path);
                    continue;
                }
                Files.createDirectories(path.getParent());
                if (entry.isSymbolicLink()) {
                    Files.createSymbolicLink(path, Path.of(entry.getLinkName()));
                } else if (entry.isLink()) {
                    Files.createLink(path, into.resolve(entry.getLinkName()));
                } else {
                    Files.copy(tar, path, StandardCopyOption.REPLACE_EXISTING);
                    if ((entry.getMode() & 0100) != 0) {
                        var permissions = EnumSet.copyOf(Files.getPosixFilePermissions(path));
                        permissions.add(PosixFilePermission.OWNER_EXECUTE);
                        Files.setPosixFilePermissions(path, permissions);
                    }
                }
            }
        }
    }
}
