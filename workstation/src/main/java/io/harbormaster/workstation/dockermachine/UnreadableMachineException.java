package io.harbormaster.workstation.dockermachine;

/**
 * A machine of a docker-machine store that cannot be imported as it is: a file missing, a certificate damaged, a key
 * that does not belong to its certificate, a setting the platform cannot use. The message is the reason shown to the
 * user ("skipped NAME: …"): it names files and fields, never their content.
 */
public class UnreadableMachineException extends RuntimeException {

    public UnreadableMachineException(String reason) {
        super(reason);
    }
}
