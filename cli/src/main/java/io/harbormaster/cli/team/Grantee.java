package io.harbormaster.cli.team;

import io.harbormaster.cli.completion.Candidates;
import java.util.Locale;
import picocli.CommandLine.Option;

/** {@code --user U | --team T}: whom a machine is shared with; exactly one. */
public class Grantee {

    @Option(names = "--user", paramLabel = "USER", required = true, completionCandidates = Candidates.Users.class,
            description = "A user, by username")
    String user;

    @Option(names = "--team", paramLabel = "TEAM", required = true, completionCandidates = Candidates.Teams.class,
            description = "A team, by name (or id, for a team you are not in)")
    String team;

    /** USER or TEAM, as the API spells it. */
    String kind() {
        return user != null ? "USER" : "TEAM";
    }

    String reference() {
        return (user != null ? user : team).strip();
    }

    /** "user bob", "team qa". */
    String describe(String name) {
        return kind().toLowerCase(Locale.ROOT) + " " + Table.printable(name);
    }
}
