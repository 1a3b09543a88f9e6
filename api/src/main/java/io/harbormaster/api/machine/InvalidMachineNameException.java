package io.harbormaster.api.machine;

/** The name does not follow the machine name rule. */
public class InvalidMachineNameException extends IllegalArgumentException {

    public InvalidMachineNameException(String message) {
        super(message);
    }
}
