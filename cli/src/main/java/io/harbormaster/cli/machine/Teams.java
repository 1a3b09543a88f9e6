package io.harbormaster.cli.machine;

import io.harbormaster.cli.HmException;
import io.harbormaster.cli.server.HarbormasterClient;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Which team {@code --team} means: a team id is taken as it is (a platform admin may name any team); a name is
 * looked up among the caller's teams from {@code GET /api/me}.
 */
final class Teams {

    /** The part of {@code GET /api/me} hm needs here. */
    record Me(List<Team> teams) {

        Me {
            teams = teams == null ? List.of() : List.copyOf(teams);
        }
    }

    record Team(String teamId, String name, String role) {
    }

    private Teams() {
    }

    static List<Team> mine(HarbormasterClient client) {
        var me = client.get("/api/me", Map.of(), Me.class);
        return me == null ? List.of() : me.teams();
    }

    /** The id of the team {@code reference} names, by id or by one of the caller's team names. */
    static String id(HarbormasterClient client, String reference) {
        var wanted = reference.strip();
        if (isUuid(wanted)) {
            return wanted;
        }
        var teams = mine(client);
        return byName(teams, wanted).map(Team::teamId).orElseThrow(() -> new HmException(
                "You are not in a team named '" + wanted + "'; " + listing(teams)));
    }

    /** The id of the team {@code reference} names, or of the caller's only team when it is null. */
    static String chosen(HarbormasterClient client, String reference) {
        if (reference != null && !reference.isBlank()) {
            return id(client, reference);
        }
        var mine = mine(client);
        if (mine.size() == 1) {
            return mine.getFirst().teamId();
        }
        throw new HmException(mine.isEmpty() ? "You are in no team yet: ask a team admin to add you."
                : "Choose the team with --team; " + listing(mine));
    }

    static Optional<Team> byName(List<Team> teams, String name) {
        return teams.stream().filter(team -> name.equals(team.name())).findFirst()
                .or(() -> teams.stream().filter(team -> name.equalsIgnoreCase(team.name())).findFirst());
    }

    static String listing(List<Team> teams) {
        if (teams.isEmpty()) {
            return "you are in no team yet: ask a team admin to add you.";
        }
        return "your teams: " + teams.stream()
                .map(team -> team.name() + (team.role() == null ? "" : " (" + team.role().toLowerCase(java.util.Locale.ROOT) + ")"))
                .collect(Collectors.joining(", ")) + ".";
    }

    static boolean isUuid(String value) {
        try {
            return UUID.fromString(value).toString().equalsIgnoreCase(value);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
