package io.harbormaster.command.machine;

import io.harbormaster.command.refusal.UnprocessableCommandException;

/**
 * A docker-machine machine cannot be imported as it is: its material does not fit together, its settings give no
 * Docker URL, its SSH key is unusable (HTTP 422, {@code machine-not-importable}). The message names the part at fault,
 * never its content; nothing was written.
 */
public class MachineNotImportableException extends UnprocessableCommandException {

    private final String part;

    public MachineNotImportableException(String part, String reason) {
        super("machine-not-importable", part + ": " + reason);
        this.part = part;
    }

    /** The request's part at fault: {@code tls.serverCert}, {@code sshKey}, {@code driverSettings}, … */
    public String part() {
        return part;
    }
}
