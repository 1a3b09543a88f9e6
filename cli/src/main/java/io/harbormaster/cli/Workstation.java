package io.harbormaster.cli;

import java.util.Map;
import java.util.Optional;

/**
 * What {@code hm} knows about the machine it runs on: its environment variables and its own version. Passed in
 * rather than read from {@link System} so tests can run {@code hm} with a made-up environment.
 */
public record Workstation(Map<String, String> environment, String clientVersion) {

    public Workstation {
        environment = Map.copyOf(environment);
    }

    /** A variable's value, or empty when it is unset or blank. */
    public Optional<String> variable(String name) {
        return Optional.ofNullable(environment.get(name)).filter(value -> !value.isBlank());
    }

    /** The version in the jar's manifest, or {@code dev} when running from classes (an IDE, the tests). */
    static String versionOf(Class<?> type) {
        var version = type.getPackage().getImplementationVersion();
        return version == null || version.isBlank() ? "dev" : version;
    }
}
