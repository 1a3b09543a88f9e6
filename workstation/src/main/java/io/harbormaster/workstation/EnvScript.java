package io.harbormaster.workstation;

import java.util.List;

/**
 * The output of docker-machine's {@code env} command, byte for byte: the lines that point a shell's Docker client at
 * a machine ({@code DOCKER_TLS_VERIFY}, {@code DOCKER_HOST}, {@code DOCKER_CERT_PATH}, {@code DOCKER_MACHINE_NAME},
 * then {@code NO_PROXY} with {@code --no-proxy}) or remove them again ({@code --unset}), followed by the two-line usage
 * hint.
 *
 * <p>Where we differ from docker-machine, on purpose:
 * <ul>
 * <li>NO_PROXY is always the upper-case name. docker-machine writes {@code no_proxy} when that variable is set in its
 * environment; here the client only passes the current value.</li>
 * <li>{@code --unset --no-proxy} removes NO_PROXY. docker-machine glued the current value onto the variable's name
 * there ({@code unset NO_PROXYlocalhost}); it wrote this same line when no NO_PROXY was set.</li>
 * <li>docker-machine adds {@code COMPOSE_CONVERT_WINDOWS_PATHS} when it runs on Windows. The platform cannot tell the
 * workstation's system, so it is left out.</li>
 * <li>The usage hint lists the flags in a fixed order ({@code --shell}, {@code --unset}, {@code --no-proxy}, then the
 * machine), where docker-machine echoes its command line as typed.</li>
 * <li>Values are escaped or refused per shell, see {@link ShellQuoting}; docker-machine printed them unescaped.</li>
 * </ul>
 */
public final class EnvScript {

    private static final List<String> DOCKER_VARIABLES =
            List.of("DOCKER_TLS_VERIFY", "DOCKER_HOST", "DOCKER_CERT_PATH", "DOCKER_MACHINE_NAME");
    private static final String NO_PROXY = "NO_PROXY";

    private EnvScript() {
    }

    /**
     * The script for {@code settings}.
     *
     * @throws IllegalArgumentException when a value cannot be written safely for the shell; the message says which
     *         value, which character and what to do instead
     */
    public static String render(EnvSettings settings) {
        var shell = settings.shell();
        var script = new StringBuilder();
        if (settings.unset()) {
            DOCKER_VARIABLES.forEach(name -> script.append(ShellSyntax.unset(shell, name)));
            if (settings.noProxy()) {
                script.append(ShellSyntax.unset(shell, NO_PROXY));
            }
        } else {
            var values = List.of("1", settings.dockerHost(), settings.certPath(), settings.machineName().value());
            for (int i = 0; i < DOCKER_VARIABLES.size(); i++) {
                script.append(setLine(shell, DOCKER_VARIABLES.get(i), values.get(i)));
            }
            if (settings.noProxy()) {
                var host = DockerHost.hostOf(settings.dockerHost());
                script.append(setLine(shell, NO_PROXY, NoProxyList.with(settings.existingNoProxy(), host)));
            }
        }
        script.append(ShellSyntax.usageHint(shell, commandLine(settings)));
        return script.toString();
    }

    private static String setLine(Shell shell, String name, String value) {
        return ShellSyntax.set(shell, name, ShellQuoting.escape(shell, name, value));
    }

    /** The command the user runs again, e.g. {@code hm env --shell fish --no-proxy dev}. */
    private static String commandLine(EnvSettings settings) {
        var line = new StringBuilder(CommandName.asTyped(settings.commandName())).append(" env");
        if (settings.shellNamed()) {
            line.append(" --shell ").append(settings.shell().id());
        }
        if (settings.unset()) {
            line.append(" --unset");
        }
        if (settings.noProxy()) {
            line.append(" --no-proxy");
        }
        if (!settings.unset()) {
            line.append(' ').append(settings.machineName().value());
        }
        return line.toString();
    }
}
