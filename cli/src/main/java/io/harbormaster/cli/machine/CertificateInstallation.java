package io.harbormaster.cli.machine;

import io.harbormaster.cli.server.HarbormasterClient;
import java.time.Instant;
import java.util.Optional;

/**
 * Waits until certificates made after a command (a hand-off that rotates the CA) are on the machine's host: the
 * server answers the command once the new material is stored, and pushes it to the host and restarts dockerd
 * afterwards. Until then the daemon still trusts the old CA, so a verb that promised "the previous holder's
 * certificates no longer work" must wait for {@code CertsInstalled} before saying so.
 */
public final class CertificateInstallation {

    private CertificateInstallation() {
    }

    /** Whether the platform installs certificates on this machine's host: only on hosts it provisions. */
    public static boolean installsOn(MachineView machine) {
        return !"none".equals(machine.driver()) && machine.dockerUrl() != null;
    }

    /**
     * Follows the machine's events until certificates made after {@code since} (the server's time of the machine's
     * last change before the command) are installed; answers the failure reason when installing them failed.
     */
    public static Optional<String> await(HarbormasterClient client, MachineView machine, Instant since) {
        return MachineEvents.follow(client, machine.id(), "the new certificates were installed on " + machine.name(),
                entry -> {
                    if (entry.occurredAt() == null || !entry.occurredAt().isAfter(since)) {
                        return Optional.empty();
                    }
                    if (entry.is("CertsInstalled")) {
                        return Optional.of(Optional.<String>empty());
                    }
                    if (entry.is("CertsInstallFailed")) {
                        return Optional.of(Optional.of(entry.summary()));
                    }
                    return Optional.empty();
                });
    }
}
