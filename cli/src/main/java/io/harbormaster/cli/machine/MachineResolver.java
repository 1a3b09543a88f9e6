package io.harbormaster.cli.machine;

import io.harbormaster.cli.HmException;
import io.harbormaster.cli.server.HarbormasterClient;
import io.harbormaster.cli.server.ServerRefusal;

/**
 * Finds a machine the way a user names it: {@code web-1}, as in docker-machine, or {@code team/web-1} when the same
 * name exists in two of the user's teams (the server's refusal then says so and names the teams).
 */
public final class MachineResolver {

    /** docker-machine's machine when none is named. */
    public static final String DEFAULT_MACHINE = "default";

    private MachineResolver() {
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
            return client.get("/api/machines/by-name/" + HarbormasterClient.segment(name),
                    HarbormasterClient.query("team", team), MachineView.class);
        } catch (ServerRefusal refusal) {
            if (refusal.status() == 404) {
                // docker-machine's words first, so scripts that match them keep working
                throw new HmException("Host does not exist: \"" + wanted + "\" (" + refusal.getMessage() + ")");
            }
            throw refusal;
        }
    }
}
