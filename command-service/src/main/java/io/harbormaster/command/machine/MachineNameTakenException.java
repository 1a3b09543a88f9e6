package io.harbormaster.command.machine;

import io.harbormaster.api.machine.MachineName;
import io.harbormaster.command.refusal.ConflictException;

/** Another machine of the team already has the name (HTTP 409). */
public class MachineNameTakenException extends ConflictException {

    public MachineNameTakenException(MachineName name) {
        super("machine-name-taken", "A machine named '" + name + "' already exists in this team. "
                + "Choose another name, or remove the existing machine first.");
    }

    /** With a message of the caller's, such as an import's advice to choose another name. */
    public MachineNameTakenException(MachineName name, String message) {
        super("machine-name-taken", message);
    }
}
