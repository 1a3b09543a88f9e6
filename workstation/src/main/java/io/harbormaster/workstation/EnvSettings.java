package io.harbormaster.workstation;

import io.harbormaster.api.machine.MachineName;
import java.util.Objects;

/**
 * What {@code env} is asked for: the shell, the flags docker-machine's {@code env} knows ({@code --unset},
 * {@code --no-proxy}) and the values to set. Start from {@link #forMachine} or {@link #forUnset()} and adjust with the
 * {@code with…} methods.
 *
 * @param shell the shell to write for
 * @param shellNamed whether the user named the shell; only then does the usage hint repeat {@code --shell}, as
 *        docker-machine repeats only the flags the user typed
 * @param unset write the lines that remove the variables instead of setting them
 * @param noProxy also set (or remove) {@code NO_PROXY} so the machine is reached without an HTTP proxy
 * @param machineName the machine, for {@code DOCKER_MACHINE_NAME} and the usage hint; unused when unsetting
 * @param dockerHost the daemon's address, {@code tcp://HOST:PORT}; unused when unsetting
 * @param certPath where the workstation keeps this machine's {@code ca.pem}, {@code cert.pem} and {@code key.pem}.
 *        The client chooses it, since only it knows the workstation's layout; it is written as given (backslashes
 *        included, as docker-machine writes Windows paths); unused when unsetting
 * @param commandName the program the usage hint tells the user to run, {@code hm} unless configured otherwise
 * @param existingNoProxy the workstation's current {@code NO_PROXY} (or {@code no_proxy}) value, empty when it has
 *        none. docker-machine reads it from its own environment; here the client passes it along
 */
public record EnvSettings(Shell shell, boolean shellNamed, boolean unset, boolean noProxy, MachineName machineName,
        String dockerHost, String certPath, String commandName, String existingNoProxy) {

    /** The program named in usage hints unless the caller names another. */
    public static final String DEFAULT_COMMAND_NAME = "hm";

    public EnvSettings {
        Objects.requireNonNull(shell, "shell");
        existingNoProxy = existingNoProxy == null ? "" : existingNoProxy;
        commandName = CommandName.check(commandName);
        TextRules.refuseControlCharacters("the current NO_PROXY value", existingNoProxy);
        if (!unset) {
            Objects.requireNonNull(machineName, "machineName");
            DockerHost.hostOf(dockerHost);
            if (certPath == null || certPath.isBlank()) {
                throw new IllegalArgumentException("The cert path must be given: it is the folder on the workstation "
                        + "that holds ca.pem, cert.pem and key.pem for this machine.");
            }
            TextRules.refuseControlCharacters("The cert path", certPath);
        }
    }

    /** Settings that set the variables for {@code machineName}, for bash, with {@code hm} in the usage hint. */
    public static EnvSettings forMachine(MachineName machineName, String dockerHost, String certPath) {
        return new EnvSettings(Shell.BASH, false, false, false, machineName, dockerHost, certPath,
                DEFAULT_COMMAND_NAME, "");
    }

    /** Settings that remove the variables again, for bash; like docker-machine's {@code env --unset}, for no machine. */
    public static EnvSettings forUnset() {
        return new EnvSettings(Shell.BASH, false, true, false, null, null, null, DEFAULT_COMMAND_NAME, "");
    }

    /** The same settings for the shell the user named. */
    public EnvSettings withShell(Shell named) {
        return new EnvSettings(named, true, unset, noProxy, machineName, dockerHost, certPath, commandName,
                existingNoProxy);
    }

    /** The same settings with {@code --no-proxy}; {@code current} is the workstation's NO_PROXY value, or null. */
    public EnvSettings withNoProxy(String current) {
        return new EnvSettings(shell, shellNamed, unset, true, machineName, dockerHost, certPath, commandName,
                current);
    }

    /** The same settings with another program named in the usage hint. */
    public EnvSettings withCommandName(String name) {
        return new EnvSettings(shell, shellNamed, unset, noProxy, machineName, dockerHost, certPath, name,
                existingNoProxy);
    }
}
