package io.harbormaster.cli.ssh;

import io.harbormaster.cli.HmException;
import io.harbormaster.cli.Workstation;
import io.harbormaster.cli.config.PrivateFiles;
import io.harbormaster.cli.server.HarbormasterClient;
import io.harbormaster.cli.server.ServerRefusal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Gets a login to a machine's host ready for one run of {@code ssh} or {@code scp}: the workstation's key (made on
 * first use), a certificate for it the platform signs now (valid for a few minutes, written beside the key, 0600, one
 * file per machine so runs for two machines at once do not mix them), the host's pinned key in hm's
 * {@code known_hosts}, and the options that make OpenSSH use exactly these: this key and certificate only, this
 * {@code known_hosts} only and strictly, and no password prompt when the certificate is refused.
 */
public final class SshLogins {

    private SshLogins() {
    }

    /** Where and as whom to log in, and the options for ssh or scp (without the port, which they spell apart). */
    public record Login(String machineName, String user, String host, int port, List<String> options) {

        /** {@code user@host}, as ssh takes it. */
        public String destination() {
            return user + "@" + host;
        }

        /** {@code user@host:path}, as scp takes it (an IPv6 address in brackets). */
        public String remote(String path) {
            return user + "@" + (host.contains(":") ? "[" + host + "]" : host) + ":" + path;
        }
    }

    /** A machine to log in to: its id and name as the server knows them. */
    public record Machine(String id, String name) {
    }

    public static Login prepare(HarbormasterClient client, Workstation workstation, Machine machine,
                                SshPrograms programs) {
        var key = new WorkstationKey(workstation.configDirectory());
        var publicKey = key.publicKey(programs.find("ssh-keygen"), "hm@" + workstation.name());
        var issued = issue(client, machine, publicKey);
        var certificate = key.directory().resolve("certificates").resolve(machine.id() + "-cert.pub");
        PrivateFiles.write(certificate, issued.certificate() + "\n");
        var knownHosts = new KnownHosts(key.directory());
        var pin = new KnownHosts.Pin(machine.id(), machine.name(), issued.host(), issued.port(), issued.hostKeyType(),
                issued.hostKeyFingerprint());
        knownHosts.require(pin, programs);
        var options = new ArrayList<>(List.of("-i", key.privateKey().toString()));
        for (var option : List.of(
                "CertificateFile=" + certificate,
                "IdentitiesOnly=yes",
                "UserKnownHostsFile=" + knownHosts.file(),
                "GlobalKnownHostsFile=/dev/null",
                "StrictHostKeyChecking=yes",
                "HostKeyAlias=" + pin.alias(),
                // the entry is the pinned key: ssh must not add the host's other keys to it
                "UpdateHostKeys=no",
                "PreferredAuthentications=publickey")) {
            options.add("-o");
            options.add(option);
        }
        return new Login(machine.name(), issued.user(), issued.host(), issued.port(), List.copyOf(options));
    }

    private static IssuedSshCertificate issue(HarbormasterClient client, Machine machine, String publicKey) {
        try {
            return client.post("/api/machines/" + HarbormasterClient.segment(machine.id()) + "/ssh-certificate",
                    Map.of("publicKey", publicKey), IssuedSshCertificate.class);
        } catch (ServerRefusal refusal) {
            if (refusal.status() == 403) {
                throw new HmException("No SSH certificate for you on " + machine.name() + ": "
                        + refusal.getMessage());
            }
            throw refusal;
        }
    }
}
