package io.harbormaster.command.machine;

import io.harbormaster.command.refusal.ConflictException;

/** The daemon an import names is already one of the platform's machines (HTTP 409, {@code machine-already-managed}). */
public class MachineAlreadyManagedException extends ConflictException {

    public MachineAlreadyManagedException(String message) {
        super("machine-already-managed", message);
    }
}
