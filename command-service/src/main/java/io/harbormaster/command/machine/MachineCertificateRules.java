package io.harbormaster.command.machine;

import io.harbormaster.api.machine.MachineName;
import io.harbormaster.api.machine.RegenerateCertsCommand;
import io.harbormaster.command.refusal.InvalidCommandException;
import io.harbormaster.command.refusal.UnsupportedByDriverException;
import java.util.Locale;

/** What a machine's certificate decisions require, in the words of the refusals users see. */
final class MachineCertificateRules {

    private MachineCertificateRules() {
    }

    /** The key algorithm a regeneration asks for (its canonical name), or null to keep the current one. */
    static String algorithm(String text, boolean rotateCa) {
        if (text == null || text.isBlank()) {
            return null;
        }
        if (!rotateCa) {
            throw new InvalidCommandException("keyAlgorithm", "The key algorithm is chosen when the CA is made: "
                    + "ask for CA rotation (rotateCa: true) to change it.");
        }
        var wanted = text.strip().toLowerCase(Locale.ROOT);
        if (!RegenerateCertsCommand.KEY_ALGORITHMS.contains(wanted)) {
            throw new InvalidCommandException("keyAlgorithm", "Unknown key algorithm '" + text.strip()
                    + "'. Choose one of: " + String.join(", ", RegenerateCertsCommand.KEY_ALGORITHMS) + ".");
        }
        return wanted;
    }

    /** Certificates name the machine's address, so there must be one. */
    static void requireAddress(MachineName name, String dockerUrl) {
        if (dockerUrl == null || dockerUrl.isBlank()) {
            throw new MachineConflictException("Machine '" + name + "' has no Docker URL yet, so there is no "
                    + "address to put in its server certificate; wait until it is created.");
        }
    }

    static void requireCertificates(RecordedMachine machine) {
        if (machine.certificates == null) {
            throw new MachineConflictException("Machine '" + machine.name + "' has no certificates yet. Regenerate "
                    + "its certificates (POST /api/machines/" + machine.machineId.value() + "/regenerate-certs), "
                    + "then ask again.");
        }
    }

    /**
     * New certificates reach a host only where Harbormaster installs them (drivers that provision). An imported
     * existing daemon was configured by hand or by docker-machine's own driver with the CA it came with, and no
     * one would put new material there: a new CA, or a server certificate the daemon never presents, would only lock
     * everyone out. So it keeps its CA; {@code instead} says what the user can do.
     */
    static void requireInstallable(RecordedMachine machine, DriverRules drivers, String instead) {
        if (machine.imported && !drivers.provisions(machine.driver)) {
            throw new UnsupportedByDriverException("Machine '" + machine.name + "' is an existing Docker daemon "
                    + "imported from docker-machine: Harbormaster cannot install certificates on its host, so new ones "
                    + "would lock everyone out of it. It keeps the CA it came with. " + instead);
        }
    }
}
