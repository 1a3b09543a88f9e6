package io.harbormaster.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * What {@code hm} knows about the machine it runs on: its environment variables, its home, its standard input,
 * whether a person sits at a terminal, the program that started it (a shell, usually) and its own version. Passed in rather than read from {@link System} so tests
 * can run {@code hm} with a made-up environment and home.
 *
 * @param processStandardInput whether {@code stdin} is this process's own standard input, which a program hm runs
 *        ({@code ssh}) can take over as it is; otherwise hm hands such a program what {@code stdin} holds
 */
public record Workstation(Map<String, String> environment, String clientVersion, Path home, BufferedReader stdin,
                          boolean interactive, Optional<String> parentCommand, boolean processStandardInput) {

    public Workstation {
        environment = Map.copyOf(environment);
    }

    /** With a standard input of hm's own (made up, as in tests), not the process's. */
    public Workstation(Map<String, String> environment, String clientVersion, Path home, BufferedReader stdin,
                       boolean interactive, Optional<String> parentCommand) {
        this(environment, clientVersion, home, stdin, interactive, parentCommand, false);
    }

    /** A variable's value, or empty when it is unset or blank. */
    public Optional<String> variable(String name) {
        return Optional.ofNullable(environment.get(name)).filter(value -> !value.isBlank());
    }

    /**
     * Where hm keeps the login and the machines' client certificates: {@code $HM_CONFIG_DIR}, else
     * {@code $XDG_CONFIG_HOME/harbormaster}, else {@code ~/.config/harbormaster}.
     */
    public Path configDirectory() {
        return variable("HM_CONFIG_DIR").map(Path::of)
                .or(() -> variable("XDG_CONFIG_HOME").map(dir -> Path.of(dir, "harbormaster")))
                .orElseGet(() -> home.resolve(".config").resolve("harbormaster"));
    }

    /** The name this workstation goes by, for naming its API token: {@code $HM_WORKSTATION_NAME}, else the host name. */
    public String name() {
        return variable("HM_WORKSTATION_NAME")
                .or(() -> variable("HOSTNAME"))
                .or(Workstation::hostName)
                .orElse("workstation");
    }

    /** One line from standard input, or empty at its end. */
    public Optional<String> readLine() {
        try {
            return Optional.ofNullable(stdin.readLine());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Colours and progress animations only for a person at a terminal who did not ask for none (no-color.org). */
    public boolean decorate() {
        return interactive && !environment.containsKey("NO_COLOR");
    }

    /** The version in the jar's manifest, or {@code dev} when running from classes (an IDE, the tests). */
    static String versionOf(Class<?> type) {
        var version = type.getPackage().getImplementationVersion();
        return version == null || version.isBlank() ? "dev" : version;
    }

    private static Optional<String> hostName() {
        try {
            var name = InetAddress.getLocalHost().getHostName();
            return Optional.ofNullable(name).filter(n -> !n.isBlank());
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
