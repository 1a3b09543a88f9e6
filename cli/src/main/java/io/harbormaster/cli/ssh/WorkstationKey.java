package io.harbormaster.cli.ssh;

import io.harbormaster.cli.HmException;
import io.harbormaster.cli.config.PrivateFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.List;

/**
 * The workstation's own SSH key for {@code hm ssh} and {@code hm scp}: {@code ssh/id_ed25519} in hm's configuration
 * directory, made by {@code ssh-keygen} on first use (folder 0700, key 0600) and kept. The platform signs its public
 * half into a fresh certificate on every run, so the private key never leaves the workstation, and losing access to a
 * machine needs nothing done to it.
 */
public final class WorkstationKey {

    static final String NAME = "id_ed25519";

    private final Path directory;

    public WorkstationKey(Path configDirectory) {
        this.directory = configDirectory.resolve("ssh");
    }

    /** hm's SSH folder: the key, the certificates and {@code known_hosts}. */
    public Path directory() {
        return directory;
    }

    public Path privateKey() {
        return directory.resolve(NAME);
    }

    /** The key's public line ({@code ssh-ed25519 AAAA… comment}); the key is made first when there is none. */
    public String publicKey(Path sshKeygen, String comment) {
        PrivateFiles.directory(directory);
        if (!Files.isRegularFile(privateKey())) {
            generate(sshKeygen, comment);
        }
        var publicFile = directory.resolve(NAME + ".pub");
        try {
            return Files.readString(publicFile).strip();
        } catch (NoSuchFileException e) {
            // someone removed it: the private key holds the public one
            var derived = SshPrograms.run(List.of(sshKeygen.toString(), "-y", "-f", privateKey().toString()), 30);
            if (!derived.ok()) {
                throw new HmException("Cannot read the SSH key " + privateKey() + " (" + derived.said() + "). Remove "
                        + "it (hm makes a new one) or fix it.");
            }
            PrivateFiles.write(publicFile, derived.stdout().strip() + "\n");
            return derived.stdout().strip();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + publicFile + ": " + e.getMessage(), e);
        }
    }

    /**
     * Makes the key in a folder of its own and moves it in place: two hm started at once each make one, the first to
     * move wins and the other uses it, so a certificate is never made for a key that was replaced meanwhile.
     */
    private void generate(Path sshKeygen, String comment) {
        Path scratch = null;
        try {
            scratch = Files.createTempDirectory(directory, ".keygen-");
            var made = scratch.resolve(NAME);
            var result = SshPrograms.run(List.of(sshKeygen.toString(), "-q", "-t", "ed25519", "-N", "", "-C",
                    comment, "-f", made.toString()), 60);
            if (!result.ok()) {
                throw new HmException("ssh-keygen could not make the workstation's SSH key (" + result.said() + ").");
            }
            if (!placeFirst(made)) {
                return; // another hm made it first: that one is the key, with its .pub
            }
            Files.move(scratch.resolve(NAME + ".pub"), directory.resolve(NAME + ".pub"),
                    StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot make an SSH key in " + directory + ": " + e.getMessage(), e);
        } finally {
            remove(scratch);
        }
    }

    /** Puts the made key in place unless one is there already; a link, unlike a rename, never replaces. */
    private boolean placeFirst(Path made) throws IOException {
        try {
            try {
                Files.createLink(privateKey(), made);
            } catch (UnsupportedOperationException noLinks) {
                Files.move(made, privateKey());
            }
            return true;
        } catch (FileAlreadyExistsException raced) {
            return false;
        }
    }

    private static void remove(Path folder) {
        if (folder == null) {
            return;
        }
        try (var files = Files.walk(folder)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException ignored) {
            // a scratch folder left behind holds nothing in use
        }
    }
}
