package io.harbormaster.query.machine;

import io.harbormaster.api.machine.MachineName;
import java.net.URI;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A machine name that several of the caller's teams use, asked for without a team: answered 409 with the teams, so
 * a client (hm) can tell its user how to write the name unambiguously as {@code team/name}.
 */
class AmbiguousMachineNameException extends RuntimeException {

    static final URI TYPE = URI.create("https://harbormaster.dev/problems/ambiguous-machine-name");

    private final List<String> teams;

    AmbiguousMachineNameException(MachineName name, List<String> teams) {
        super("There is a machine named " + name + " in teams " + and(teams) + "; name one of them as "
                + teams.stream().map(team -> team + "/" + name).collect(Collectors.joining(" or ")) + ".");
        this.teams = List.copyOf(teams);
    }

    List<String> teams() {
        return teams;
    }

    private static String and(List<String> teams) {
        if (teams.size() < 2) {
            return String.join("", teams);
        }
        return String.join(", ", teams.subList(0, teams.size() - 1)) + " and " + teams.getLast();
    }
}
