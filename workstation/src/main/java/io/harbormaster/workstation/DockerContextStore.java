package io.harbormaster.workstation;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Writes a context straight into the Docker CLI's own context store, as {@code docker context create} would:
 * {@code contexts/meta/<sha256 of the name>/meta.json} and {@code contexts/tls/<sha256 of the name>/docker/}
 * {@code {ca,cert,key}.pem} under the docker configuration folder ({@code ~/.docker} or {@code $DOCKER_CONFIG}).
 * Writing again replaces the files, which is how a context's certificates are refreshed without removing it (docker
 * refuses to remove the context in use).
 */
public final class DockerContextStore {

    private static final boolean POSIX = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");

    private DockerContextStore() {
    }

    /** Installs {@code context} under {@code dockerConfig}; answers the folder of its TLS files. */
    public static Path install(Path dockerConfig, DockerContextExport context) {
        var id = id(context.contextName());
        var contexts = dockerConfig.resolve("contexts");
        var tls = contexts.resolve("tls").resolve(id).resolve("docker");
        try {
            write(contexts.resolve("meta").resolve(id).resolve("meta.json"),
                    context.metaJson().getBytes(StandardCharsets.UTF_8), "rw-r--r--", "rwxr-xr-x");
            write(tls.resolve("ca.pem"), context.material().ca(), "rw-------", "rwx------");
            write(tls.resolve("cert.pem"), context.material().cert(), "rw-------", "rwx------");
            write(tls.resolve("key.pem"), context.material().key(), "rw-------", "rwx------");
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the docker context '" + context.contextName() + "' under "
                    + contexts + ": " + e.getMessage(), e);
        }
        return tls;
    }

    /** The folder name docker gives a context: the hex SHA-256 of its name. */
    static String id(String contextName) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(contextName.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    private static void write(Path file, byte[] content, String fileMode, String folderMode) throws IOException {
        var folder = file.getParent();
        if (!Files.isDirectory(folder)) {
            Files.createDirectories(folder);
        }
        if (POSIX) {
            Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString(folderMode));
        }
        // a new file, then a rename: docker never reads half a key, and the mode is set before the key is in it
        var temporary = Files.createTempFile(folder, "." + file.getFileName(), ".tmp");
        try {
            if (POSIX) {
                Files.setPosixFilePermissions(temporary, PosixFilePermissions.fromString(fileMode));
            }
            Files.write(temporary, content);
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temporary);
        }
    }
}
