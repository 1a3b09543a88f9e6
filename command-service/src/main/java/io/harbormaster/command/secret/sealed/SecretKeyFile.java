package io.harbormaster.command.secret.sealed;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Set;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/**
 * The sealed store's AES-256 key: 32 random bytes in a file that only its owner may read, outside the database so a
 * copy of the database alone reveals nothing. Made on first start, complete or not at all: the bytes go to a
 * temporary file created with mode 0600 and are then hard-linked into place, which fails rather than replaces when
 * another process made the key first.
 */
final class SecretKeyFile {

    static final int KEY_BYTES = 32;
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");
    private static final Set<PosixFilePermission> OWNER_ONLY_DIRECTORY = PosixFilePermissions.fromString("rwx------");
    private static final byte[] KEY_ID_LABEL = "harbormaster sealed secret key id\0".getBytes(StandardCharsets.UTF_8);

    private SecretKeyFile() {
    }

    /** The key in {@code file}, made first when there is none; refuses a key others can read or of the wrong size. */
    static SecretKey loadOrCreate(Path file) {
        if (!Files.exists(file)) {
            create(file);
        }
        return load(file);
    }

    /** A name for the key that reveals nothing about it: 16 hex digits of a SHA-256 over a label and the key. */
    static String keyId(SecretKey key) {
        try {
            var digest = MessageDigest.getInstance("SHA-256");
            digest.update(KEY_ID_LABEL);
            var hash = digest.digest(key.getEncoded());
            return HexFormat.of().formatHex(hash, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JDK", e);
        }
    }

    private static void create(Path file) {
        var directory = file.toAbsolutePath().getParent();
        Path temporary = null;
        try {
            if (!Files.isDirectory(directory)) {
                Files.createDirectories(directory, PosixFilePermissions.asFileAttribute(OWNER_ONLY_DIRECTORY));
            }
            // Created with 0600 by open(2) itself, so the key is never readable by others, not even for a moment.
            temporary = Files.createTempFile(directory, ".secrets-key-", ".tmp",
                    PosixFilePermissions.asFileAttribute(OWNER_ONLY));
            var key = new byte[KEY_BYTES];
            new SecureRandom().nextBytes(key);
            try (var channel = FileChannel.open(temporary, StandardOpenOption.WRITE)) {
                channel.write(ByteBuffer.wrap(key));
                channel.force(true);
            }
            Arrays.fill(key, (byte) 0);
            Files.createLink(file, temporary);
        } catch (FileAlreadyExistsException raced) {
            // Another Harbormaster process made the key between our check and the link: use that one.
        } catch (UnsupportedOperationException e) {
            throw new SecretKeyFileException("Cannot create the secret key file " + file + ": its file system has no "
                    + "POSIX permissions (or no hard links), so the key could not be kept readable by its owner only. "
                    + "Set harbormaster.secrets.sealed.key-file to a path on a POSIX file system.", e);
        } catch (IOException e) {
            throw new SecretKeyFileException("Cannot create the secret key file " + file + " (" + e
                    + "): check that its directory is writable by the user running Harbormaster, or set "
                    + "harbormaster.secrets.sealed.key-file elsewhere.", e);
        } finally {
            deleteQuietly(temporary);
        }
    }

    private static SecretKey load(Path file) {
        try {
            if (!Files.isRegularFile(file)) {
                throw new SecretKeyFileException("The secret key file " + file + " is not a regular file: point "
                        + "harbormaster.secrets.sealed.key-file at the key file itself.");
            }
            var permissions = Files.getPosixFilePermissions(file);
            if (permissions.stream().anyMatch(SecretKeyFile::forOthers)) {
                throw new SecretKeyFileException("The secret key file " + file + " has permissions "
                        + PosixFilePermissions.toString(permissions) + ": only its owner may have access to it. Run "
                        + "'chmod 600 " + file + "' and consider whether someone else could have copied it (if so, "
                        + "the secrets it seals should be rotated).");
            }
            var key = Files.readAllBytes(file);
            if (key.length != KEY_BYTES) {
                throw new SecretKeyFileException("The secret key file " + file + " holds " + key.length + " bytes, "
                        + "not the " + KEY_BYTES + " of an AES-256 key: it is damaged or not Harbormaster's key. "
                        + "Restore it from your backup. Delete it only if the database holds no secrets yet: a new "
                        + "key cannot open secrets sealed with the old one.");
            }
            var spec = new SecretKeySpec(key, "AES");
            Arrays.fill(key, (byte) 0);
            return spec;
        } catch (UnsupportedOperationException e) {
            throw new SecretKeyFileException("Cannot check the permissions of the secret key file " + file + ": its "
                    + "file system has no POSIX permissions. Set harbormaster.secrets.sealed.key-file to a path on a "
                    + "POSIX file system.", e);
        } catch (IOException e) {
            throw new SecretKeyFileException("Cannot read the secret key file " + file + " (" + e
                    + "): check that it belongs to the user running Harbormaster.", e);
        }
    }

    private static boolean forOthers(PosixFilePermission permission) {
        return permission.name().startsWith("GROUP_") || permission.name().startsWith("OTHERS_");
    }

    private static void deleteQuietly(Path temporary) {
        if (temporary == null) {
            return;
        }
        try {
            Files.deleteIfExists(temporary);
        } catch (IOException ignored) {
            // A left-over temporary file is 0600 and holds the key file's key or one nobody uses.
        }
    }
}
