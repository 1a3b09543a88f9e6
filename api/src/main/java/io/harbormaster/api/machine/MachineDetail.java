package io.harbormaster.api.machine;

import io.harbormaster.api.team.TeamId;
import io.harbormaster.api.user.UserId;
import java.time.Instant;
import java.util.List;

/**
 * Everything the platform shows about one machine. {@code version} is the aggregate's last event sequence number:
 * send it back as {@code If-Match} to refuse a command when someone else changed the machine meanwhile.
 *
 * @param lastError why the machine is in {@code Error}, or the last failure the platform saw; null once it answers
 * @param dockerVersion the Docker Engine version verified by the last provisioning or upgrade; null when unknown
 * @param ipAddress the host of {@code dockerUrl}; before there is a URL, the generic driver's {@code ip-address}
 *                  option; null otherwise
 * @param caFingerprint the fingerprint of the machine's current CA certificate, as its latest
 *                      {@code CertsRegenerated} recorded it: the SHA-256 of the certificate's DER encoding as 32
 *                      upper-case hex byte pairs separated by colons ({@code 3F:A0:...:9C}, 95 characters), exactly
 *                      as {@code openssl x509 -noout -fingerprint -sha256 -in ca.pem} prints it after its
 *                      {@code sha256 Fingerprint=}. A client that keeps a {@code ca.pem} compares it with the same
 *                      digest of that file's certificate to notice that the CA was rotated (after a hand-off or a
 *                      rotation); null while the machine has no certificates
 * @param engineOptions the engine options the machine was created with (docker-machine's {@code --engine-opt},
 *                      {@code --engine-label}, {@code --engine-install-url}, {@code --tls-san}); never null
 * @param os the host's operating system as the last provisioning found it ({@code PRETTY_NAME} of its
 *           {@code /etc/os-release}); null until a provisioning started, and for drivers that do not provision
 * @param serverCertificate the certificate the daemon presents: fingerprint, serial, expiry and names; null while the
 *                          machine has no certificates
 */
public record MachineDetail(
        MachineId id,
        TeamId teamId,
        String teamName,
        String name,
        String driver,
        DriverOptions driverOptions,
        MachineState state,
        UserId holder,
        String holderName,
        String dockerUrl,
        String lastError,
        List<MachineShare> shares,
        Instant createdAt,
        Instant updatedAt,
        long version,
        String dockerVersion,
        String ipAddress,
        String caFingerprint,
        EngineOptions engineOptions,
        String os,
        ServerCertificate serverCertificate) {

    public MachineDetail {
        shares = List.copyOf(shares);
        engineOptions = engineOptions == null ? EngineOptions.none() : engineOptions;
    }

    /** A machine whose operating system and server certificate are not known. */
    public MachineDetail(MachineId id, TeamId teamId, String teamName, String name, String driver,
                         DriverOptions driverOptions, MachineState state, UserId holder, String holderName,
                         String dockerUrl, String lastError, List<MachineShare> shares, Instant createdAt,
                         Instant updatedAt, long version, String dockerVersion, String ipAddress,
                         String caFingerprint, EngineOptions engineOptions) {
        this(id, teamId, teamName, name, driver, driverOptions, state, holder, holderName, dockerUrl, lastError,
                shares, createdAt, updatedAt, version, dockerVersion, ipAddress, caFingerprint, engineOptions, null,
                null);
    }
}
