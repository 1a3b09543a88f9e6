package io.harbormaster.cli.certs;

import io.harbormaster.cli.HmException;
import io.harbormaster.cli.config.PrivateFiles;
import io.harbormaster.cli.server.HarbormasterClient;
import io.harbormaster.cli.server.ServerRefusal;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import tools.jackson.core.JacksonException;

/**
 * The client certificates of the machines this workstation uses, one folder per machine under
 * {@code machines/<machine id>/} in hm's configuration directory ({@code ca.pem}, {@code cert.pem}, {@code key.pem},
 * {@code machine.json}; folders 0700, files 0600). That folder is what {@code DOCKER_CERT_PATH} points at.
 *
 * <p>A certificate is fetched again when a file is missing, when it expires within the hour, when the folder belongs
 * to another machine or server, or when the machine's CA is no longer the one that signed it: a hand-off that revokes
 * the previous holder rotates the CA, so the new holder's next {@code hm env} picks up a working certificate without
 * any step of theirs, while the previous holder's cached one stops working on the daemon.
 */
public final class ClientCertificateCache {

    /** The machine whose certificate is wanted, and the fingerprint of its current CA (null when unknown). */
    public record Machine(String id, String name, String caFingerprint) {
    }

    static final Duration RENEW_BEFORE = Duration.ofHours(1);
    static final String METADATA = "machine.json";

    private final Path root;
    private final Clock clock;

    public ClientCertificateCache(Path configDirectory, Clock clock) {
        this.root = configDirectory.resolve("machines");
        this.clock = clock;
    }

    /** The folder for {@code machine}, holding a certificate that is current; fetched from the server when needed. */
    public Path certificateFor(Machine machine, HarbormasterClient client) {
        var folder = folderOf(machine.id());
        var cached = metadata(folder);
        if (cached.isPresent() && current(cached.get(), machine, client) && complete(folder)) {
            return folder;
        }
        var issued = issue(machine, client);
        PrivateFiles.directory(root);
        PrivateFiles.write(folder.resolve("ca.pem"), issued.caPem());
        PrivateFiles.write(folder.resolve("cert.pem"), issued.certPem());
        PrivateFiles.write(folder.resolve("key.pem"), issued.keyPem());
        // written last: a folder with metadata is a complete one
        PrivateFiles.write(folder.resolve(METADATA), client.json().writeValueAsString(new CachedCertificate(
                machine.id(), machine.name(), client.server().toString(), issued.caFingerprint(),
                issued.serial(), issued.notAfter())));
        return folder;
    }

    /** Where {@code machine}'s certificate lives (or would), without fetching anything. */
    public Path folderOf(String machineId) {
        return root.resolve(machineId);
    }

    private boolean current(CachedCertificate cached, Machine machine, HarbormasterClient client) {
        return cached.machineId().equals(machine.id())
                && cached.server().equals(client.server().toString())
                && cached.notAfter() != null
                && cached.notAfter().isAfter(clock.instant().plus(RENEW_BEFORE))
                && (machine.caFingerprint() == null || Fingerprints.same(cached.caFingerprint(),
                        machine.caFingerprint()));
    }

    private static boolean complete(Path folder) {
        return Files.isRegularFile(folder.resolve("ca.pem")) && Files.isRegularFile(folder.resolve("cert.pem"))
                && Files.isRegularFile(folder.resolve("key.pem"));
    }

    private Optional<CachedCertificate> metadata(Path folder) {
        try {
            return Optional.of(io.harbormaster.cli.config.Json.MAPPER.readValue(
                    Files.readString(folder.resolve(METADATA)), CachedCertificate.class));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException | JacksonException e) {
            // unreadable metadata: fetch a fresh certificate, which rewrites it
            return Optional.empty();
        }
    }

    private static IssuedCertificate issue(Machine machine, HarbormasterClient client) {
        try {
            return client.post("/api/machines/" + machine.id() + "/client-certificate", null,
                    IssuedCertificate.class);
        } catch (ServerRefusal refusal) {
            if (refusal.status() == 403) {
                throw new HmException("No client certificate for you on " + machine.name() + ": "
                        + refusal.getMessage());
            }
            throw refusal;
        }
    }
}
