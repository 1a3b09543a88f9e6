package io.harbormaster.cli.machine;

import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Provisioning entries as the lines docker-machine prints while it provisions ({@code libmachine/provision}):
 * {@code Provisioning with ubuntu...}, {@code Installing Docker...}, {@code Copying certs to the remote machine...}.
 * The server's summaries read {@code provisioning started on OS} and {@code provisioning step N/M done: STEP}; a
 * step hm has no line for prints its own name. At a terminal each step line starts with {@code (N/M)}. A host whose
 * sshd could not be made to trust the machine's SSH user CA gets a warning line: provisioning goes on without it.
 */
final class ProvisioningProgress {

    private static final Pattern STARTED = Pattern.compile("provisioning started on (.+)");
    private static final Pattern STEP = Pattern.compile("provisioning step (\\d+)/(\\d+) done: (.+)");
    private static final Map<String, String> LINES = Map.of(
            "detect-os", "Detecting the provisioner...",
            "install-docker", "Installing Docker...",
            "push-certs", "Copying certs to the remote machine...",
            "configure-daemon", "Setting Docker configuration on the remote daemon...",
            "restart-docker", "Restarting Docker...",
            "verify", "Checking connection to Docker...");

    private ProvisioningProgress() {
    }

    /** The line for a provisioning entry, or empty for any other entry. */
    static Optional<String> line(MachineEvents.Entry entry, boolean decorate) {
        if (entry.is("ProvisioningStarted")) {
            var started = STARTED.matcher(entry.summary());
            return Optional.of(started.matches() ? "Provisioning with " + started.group(1) + "..."
                    : capitalized(entry.summary()));
        }
        if (entry.is("SshUserCaInstallFailed")) {
            // Docker Engine does not need it, so provisioning goes on; hm ssh does
            return Optional.of("Warning: " + entry.summary() + "; hm ssh and hm scp will not work until that is "
                    + "fixed and the machine provisioned again.");
        }
        if (!entry.is("ProvisioningStepCompleted")) {
            return Optional.empty();
        }
        var step = STEP.matcher(entry.summary());
        if (!step.matches()) {
            return Optional.of(capitalized(entry.summary()));
        }
        var name = step.group(3).strip();
        var line = LINES.getOrDefault(name, capitalized(name.replace('-', ' ')) + "...");
        return Optional.of(decorate ? "(" + step.group(1) + "/" + step.group(2) + ") " + line : line);
    }

    private static String capitalized(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}
