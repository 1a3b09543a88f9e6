package io.harbormaster.cli.team;

import io.harbormaster.cli.HmException;
import io.harbormaster.cli.login.Me;
import io.harbormaster.cli.server.HarbormasterClient;
import io.harbormaster.cli.server.ServerRefusal;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Turns the names people type into the ids the API takes: teams by name among the caller's teams (a platform
 * admin's: all), users by username. An id (a UUID) is taken as it is, for a team or user the caller cannot list.
 */
public final class Directory {

    private final HarbormasterClient client;

    public Directory(HarbormasterClient client) {
        this.client = client;
    }

    public List<Wire.TeamSummary> teams() {
        return client.get("/api/teams", Map.of(), Wire.TeamList.class).teams();
    }

    public Wire.TeamDetail team(String teamId) {
        return client.get("/api/teams/" + HarbormasterClient.segment(teamId), Map.of(), Wire.TeamDetail.class);
    }

    public List<Wire.User> users() {
        return client.get("/api/users", Map.of(), Wire.UserList.class).users();
    }

    public Me me() {
        return client.get("/api/me", Map.of(), Me.class);
    }

    /** The team named {@code reference} (its name or id) among those the caller can list. */
    public Wire.TeamSummary findTeam(String reference) {
        var wanted = reference.strip();
        var teams = teams();
        return pick(teams, wanted, Wire.TeamSummary::name, Wire.TeamSummary::id)
                .orElseThrow(() -> new HmException("No team '" + Table.printable(wanted) + "' among your teams ("
                        + names(teams.stream().map(Wire.TeamSummary::name).toList()) + "). Check the name with: hm teams"));
    }

    /**
     * The team {@code reference} names, or without one the caller's only team; several teams (or none) is an error
     * that lists them.
     */
    public Wire.TeamSummary teamOrOnlyOne(String reference) {
        if (reference != null && !reference.isBlank()) {
            return findTeam(reference);
        }
        var mine = myTeams();
        if (mine.size() == 1) {
            return mine.getFirst();
        }
        if (mine.isEmpty()) {
            throw new HmException("You are in no team, so name one with --team TEAM (hm teams lists those you can "
                    + "see), or ask a team owner to add you.");
        }
        throw new HmException("You are in " + mine.size() + " teams (" + names(mine.stream()
                .map(Wire.TeamSummary::name).toList()) + "); name one with --team TEAM.");
    }

    /**
     * The teams the caller is a member of, from {@code GET /api/me}; a server without it lists the caller's teams
     * in {@code GET /api/teams}, which is the same for everyone but platform admins (who see all there).
     */
    private List<Wire.TeamSummary> myTeams() {
        try {
            return me().teams().stream().map(team -> new Wire.TeamSummary(team.teamId(), team.name(), 0, null))
                    .toList();
        } catch (ServerRefusal refusal) {
            if (refusal.status() == 404) {
                return teams();
            }
            throw refusal;
        }
    }

    /** The caller's role per team id; empty from a server without {@code GET /api/me}. */
    public Map<String, String> myRoles() {
        try {
            return me().teams().stream().collect(Collectors.toMap(Me.Team::teamId, Me.Team::role, (a, b) -> a));
        } catch (ServerRefusal refusal) {
            if (refusal.status() == 404) {
                return Map.of();
            }
            throw refusal;
        }
    }

    /** The user with this username (or id) on the server. */
    public Wire.User findUser(String reference) {
        var wanted = reference.strip();
        return pick(users(), wanted, Wire.User::username, Wire.User::id)
                .orElseThrow(() -> new HmException("No user '" + Table.printable(wanted) + "' on " + client.server()
                        + ". Check the username (hm members TEAM lists a team's)."));
    }

    /** Exact name first, then the id, then the name ignoring case when only one matches. */
    static <T> Optional<T> pick(List<T> candidates, String wanted, Function<T, String> name, Function<T, String> id) {
        for (var candidate : candidates) {
            if (wanted.equals(name.apply(candidate))) {
                return Optional.of(candidate);
            }
        }
        for (var candidate : candidates) {
            if (wanted.equalsIgnoreCase(id.apply(candidate))) {
                return Optional.of(candidate);
            }
        }
        var ignoringCase = candidates.stream().filter(c -> wanted.equalsIgnoreCase(name.apply(c))).toList();
        return ignoringCase.size() == 1 ? Optional.of(ignoringCase.getFirst()) : Optional.empty();
    }

    static boolean isId(String text) {
        try {
            UUID.fromString(text.strip());
            return text.strip().length() == 36;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    static String names(List<String> names) {
        return names.isEmpty() ? "none" : names.stream().map(Table::printable).collect(Collectors.joining(", "));
    }
}
