package io.harbormaster.command.machine;

import io.harbormaster.api.machine.ClientMaterial;
import io.harbormaster.api.machine.MachineCertificates;
import io.harbormaster.command.cert.InvalidCertificateRequestException;
import io.harbormaster.command.cert.KeyAlgorithm;
import io.harbormaster.command.cert.MachineTls;
import io.harbormaster.command.refusal.InvalidCommandException;

/**
 * The machine's calls into its TLS material, with the certificate authority's refusals turned into the command's.
 * Secret store failures pass through as they are: their messages are safe to show and the web layer answers 503.
 */
final class MachineCertificateSteps {

    private MachineCertificateSteps() {
    }

    /** The key algorithm a regeneration asks for, or null to keep the current one. */
    static KeyAlgorithm algorithm(String text, boolean rotateCa) {
        if (text == null || text.isBlank()) {
            return null;
        }
        if (!rotateCa) {
            throw new InvalidCommandException("keyAlgorithm", "The key algorithm is chosen when the CA is made: "
                    + "ask for CA rotation (rotateCa: true) to change it.");
        }
        try {
            return KeyAlgorithm.parse(text);
        } catch (InvalidCertificateRequestException e) {
            throw new InvalidCommandException("keyAlgorithm", e.getMessage());
        }
    }

    static MachineCertificates regenerate(MachineTls tls, RecordedMachine machine, boolean rotateCa,
                                          KeyAlgorithm algorithm) {
        try {
            return tls.regenerate(machine.machineId, machine.name.value(), machine.dockerUrl, machine.certificates,
                    rotateCa, algorithm);
        } catch (InvalidCertificateRequestException e) {
            throw new MachineConflictException(e.getMessage());
        }
    }

    static ClientMaterial issueClient(MachineTls tls, RecordedMachine machine, String username, String teamName) {
        if (machine.certificates == null) {
            throw new MachineConflictException("Machine '" + machine.name + "' has no certificates yet. Regenerate "
                    + "its certificates (POST /api/machines/" + machine.machineId.value() + "/regenerate-certs), "
                    + "then ask again.");
        }
        return tls.issueClient(machine.certificates, username, teamName);
    }
}
