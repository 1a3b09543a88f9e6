package io.harbormaster.command.provision;

import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * What provisioning needs to know about a host before it changes anything, asked in one SSH command rather than one
 * round-trip each: its {@code /etc/os-release}, whether {@code dockerd} is on the PATH, whether systemd runs it, and
 * its current {@code /etc/docker/daemon.json}. The sections of the answer are told apart by a boundary line that is
 * new for every question, so no file's text can pass for one.
 *
 * @param osRelease the text of /etc/os-release, or empty when the host has none
 * @param daemonJson the text of /etc/docker/daemon.json, or empty when there is none
 */
record HostFacts(Optional<String> osRelease, boolean dockerd, boolean systemd, Optional<String> daemonJson) {

    private static final String PRESENT = "present";

    /** The question: a shell command for the login user, separating its sections by {@code boundary}. */
    static String script(String boundary) {
        return "b='" + boundary + "'; "
                + "if [ -f /etc/os-release ]; then echo " + PRESENT + "; cat /etc/os-release; fi; echo; echo \"$b\"; "
                + "if command -v dockerd >/dev/null 2>&1; then echo dockerd; fi; "
                + "if [ -d /run/systemd/system ]; then echo systemd; fi; echo; echo \"$b\"; "
                + "if [ -f /etc/docker/daemon.json ]; then echo " + PRESENT + "; cat /etc/docker/daemon.json; fi";
    }

    /** A boundary no file on the host has a line of. */
    static String newBoundary() {
        return "harbormaster-facts-" + UUID.randomUUID();
    }

    /** The answer to {@link #script}; empty when it does not have the three sections. */
    static Optional<HostFacts> parse(String output, String boundary) {
        var sections = output.split(Pattern.quote("\n" + boundary + "\n"), -1);
        if (sections.length != 3) {
            return Optional.empty();
        }
        var tools = sections[1].lines().toList();
        return Optional.of(new HostFacts(file(sections[0]), tools.contains("dockerd"), tools.contains("systemd"),
                file(sections[2])));
    }

    private static Optional<String> file(String section) {
        return section.startsWith(PRESENT + "\n") ? Optional.of(section.substring(PRESENT.length() + 1))
                : Optional.empty();
    }
}
