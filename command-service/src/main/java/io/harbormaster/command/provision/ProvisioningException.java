package io.harbormaster.command.provision;

import io.harbormaster.api.common.ControlCharacters;

/**
 * A provisioning step failed. {@code step} names it ({@code detect-os}, {@code install-docker}, {@code push-certs},
 * {@code configure-daemon}, {@code restart-docker}, {@code verify}, or {@code ssh} for reaching the host); the
 * message is a human reason that is shown to users and never holds a secret.
 */
public class ProvisioningException extends RuntimeException {

    private final String step;

    public ProvisioningException(String step, String message) {
        super(ControlCharacters.readable(message));
        this.step = step;
    }

    public ProvisioningException(String step, String message, Throwable cause) {
        super(ControlCharacters.readable(message), cause);
        this.step = step;
    }

    public String step() {
        return step;
    }
}
