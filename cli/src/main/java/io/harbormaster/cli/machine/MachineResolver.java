package io.harbormaster.cli.machine;

import io.harbormaster.cli.HmException;
import io.harbormaster.cli.server.HarbormasterClient;
import io.harbormaster.cli.server.ServerRefusal;
import java.util.ArrayList;
import java.util.List;

/**
 * Finds a machine the way a user names it: {@code web-1}, as in docker-machine, or {@code team/web-1} when the same
 * name exists in two of the user's teams (the server's refusal then says so and names the teams).
 */
public final class MachineResolver {

    /** docker-machine's machine when none is named. */
    public static final String DEFAULT_MACHINE = "default";

    private MachineResolver() {
    }

    /**
     * Every named machine, or {@link #DEFAULT_MACHINE} when none is named. Like docker-machine's verbs for several
     * machines, nothing is done unless all of them are found: the failures are reported together, one a line.
     */
    public static List<MachineView> resolveAll(HarbormasterClient client, List<String> references) {
        var wanted = references == null || references.isEmpty() ? List.of(DEFAULT_MACHINE) : references;
        var machines = new ArrayList<MachineView>();
        var failures = new ArrayList<String>();
        for (var reference : wanted) {
            try {
                machines.add(resolve(client, reference));
            } catch (UnknownMachine unknown) {
                failures.add(unknown.getMessage());
            } catch (ServerRefusal refusal) {
                // an ambiguous name is about this name; anything else (signed out, server trouble) is about all
                if (refusal.status() != 409) {
                    throw refusal;
                }
                failures.add(refusal.getMessage());
            }
        }
        if (!failures.isEmpty()) {
            throw new HmException(String.join("\n", failures));
        }
        return machines;
    }

    public static MachineView resolve(HarbormasterClient client, String reference) {
        var wanted = reference == null || reference.isBlank() ? DEFAULT_MACHINE : reference.strip();
        int slash = wanted.lastIndexOf('/');
        var team = slash < 0 ? null : wanted.substring(0, slash);
        var name = slash < 0 ? wanted : wanted.substring(slash + 1);
        if (name.isEmpty()) {
            throw new HmException("Name a machine after the '/': TEAM/NAME, e.g. default/web-1");
        }
        try {
            return client.get("/api/machines/by-name", HarbormasterClient.query("name", name, "team", team),
                    MachineView.class);
        } catch (ServerRefusal refusal) {
            if (refusal.status() == 404) {
                // docker-machine's words first, so scripts that match them keep working
                throw new UnknownMachine("Host does not exist: \"" + wanted + "\" (" + refusal.getMessage() + ")");
            }
            throw refusal;
        }
    }

    /** The server knows no machine by that name (or the caller may not see it). */
    static final class UnknownMachine extends HmException {

        UnknownMachine(String message) {
            super(message);
        }
    }
}
