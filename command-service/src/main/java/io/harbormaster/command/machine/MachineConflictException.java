package io.harbormaster.command.machine;

import io.harbormaster.command.refusal.ConflictException;

/** The machine's state does not allow the command now (HTTP 409); the message says the state and what to do. */
public class MachineConflictException extends ConflictException {

    public MachineConflictException(String message) {
        super("machine-state-conflict", message);
    }
}
