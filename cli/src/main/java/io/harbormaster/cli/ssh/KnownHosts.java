package io.harbormaster.cli.ssh;

import io.harbormaster.cli.HmException;
import io.harbormaster.cli.config.PrivateFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * hm's own {@code known_hosts} ({@code ssh/known_hosts} in hm's configuration directory), which {@code ssh} and
 * {@code scp} check strictly. It holds one entry per machine under a stable alias ({@code hm-<machine id>}, given to
 * ssh as {@code HostKeyAlias}), so the host keeps its entry when its address changes. The entry is the host key
 * Harbormaster pinned when it first reached the host: when the file has none for the machine, or one with another
 * fingerprint (the key was pinned again after a rebuild), hm fetches the host's keys with {@code ssh-keyscan} and
 * writes the one whose fingerprint is the pinned one, or refuses to connect when none is.
 */
public final class KnownHosts {

    private final Path file;

    public KnownHosts(Path directory) {
        this.file = directory.resolve("known_hosts");
    }

    public Path file() {
        return file;
    }

    /** The name ssh knows a machine's host by, whatever its address. */
    public static String alias(String machineId) {
        return "hm-" + machineId;
    }

    /** What Harbormaster pinned for a machine's host, and where the host is now. */
    public record Pin(String machineId, String machineName, String host, int port, String keyType,
                      String fingerprint) {

        /** The name ssh knows the host by: see {@link KnownHosts#alias}. */
        public String alias() {
            return KnownHosts.alias(machineId);
        }
    }

    /** Makes sure the file holds the pinned key for the machine: as it is, or fetched and checked. */
    public void require(Pin pin, SshPrograms programs) {
        if (entry(pin.alias()).filter(key -> key.fingerprint().equals(pin.fingerprint())).isPresent()) {
            return;
        }
        var scan = SshPrograms.run(List.of(programs.find("ssh-keyscan").toString(), "-T", "5", "-t",
                scanType(pin.keyType()), "-p", String.valueOf(pin.port()), pin.host()), 30);
        var presented = scan.stdout().lines().filter(line -> !line.isBlank() && !line.startsWith("#"))
                .map(line -> line.strip().split("\\s+")).filter(fields -> fields.length >= 3)
                .map(fields -> new Key(fields[1], fields[2])).toList();
        if (presented.isEmpty()) {
            throw new HmException("No SSH server answered at " + where(pin) + " to show its host key"
                    + (scan.said().isEmpty() ? "" : " (" + scan.said() + ")") + ". Is the host of " + pin.machineName()
                    + " up? (hm status " + pin.machineName() + ")");
        }
        var pinned = presented.stream().filter(key -> key.fingerprint().equals(pin.fingerprint())).findFirst()
                .orElseThrow(() -> new HmException("The host at " + where(pin) + " presents the host key "
                        + presented.getFirst().type() + " " + presented.getFirst().fingerprint() + ", not "
                        + pin.fingerprint() + " that Harbormaster pinned for " + pin.machineName() + ", so hm did not "
                        + "connect: it may be a man in the middle, or the host was rebuilt. Check the key on the host "
                        + "itself (ssh-keygen -lf /etc/ssh/ssh_host_ed25519_key.pub); if it is that one, its holder or "
                        + "a team owner pins it (PUT /api/machines/" + pin.machineId() + "/ssh-host-key) and hm ssh "
                        + "works again."));
        write(pin.alias(), pinned);
    }

    /** The key the file holds for {@code alias}, if any. */
    Optional<Key> entry(String alias) {
        return lines().stream().map(line -> line.strip().split("\\s+"))
                .filter(fields -> fields.length >= 3 && fields[0].equals(alias))
                .map(fields -> new Key(fields[1], fields[2])).findFirst();
    }

    private void write(String alias, Key key) {
        var kept = new ArrayList<String>();
        for (var line : lines()) {
            if (!line.strip().startsWith(alias + " ")) {
                kept.add(line);
            }
        }
        kept.add(alias + " " + key.type() + " " + key.base64());
        PrivateFiles.write(file, String.join("\n", kept) + "\n");
    }

    private List<String> lines() {
        try {
            return Files.readAllLines(file);
        } catch (NoSuchFileException e) {
            return List.of();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    private static String where(Pin pin) {
        return (pin.host().contains(":") ? "[" + pin.host() + "]" : pin.host()) + ":" + pin.port();
    }

    /** ssh-keyscan's name for a key type. */
    static String scanType(String keyType) {
        if (keyType == null) {
            return "ed25519,ecdsa,rsa";
        }
        return switch (keyType) {
            case "ssh-ed25519" -> "ed25519";
            case "ssh-rsa" -> "rsa";
            default -> keyType.startsWith("ecdsa-") ? "ecdsa" : keyType;
        };
    }

    /** A host key as a known_hosts line holds it. */
    record Key(String type, String base64) {

        /** {@code SHA256:} and the unpadded base64 of the key blob's SHA-256, as {@code ssh-keygen -l} prints it. */
        String fingerprint() {
            try {
                var digest = MessageDigest.getInstance("SHA-256").digest(Base64.getDecoder().decode(base64));
                return "SHA256:" + Base64.getEncoder().withoutPadding().encodeToString(digest);
            } catch (IllegalArgumentException e) {
                return "";
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("this JVM has no SHA-256", e);
            }
        }
    }
}
