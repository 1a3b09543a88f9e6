package io.harbormaster.cli;

import static io.harbormaster.cli.TeamFixtures.QA_TEAM;
import static io.harbormaster.cli.TeamFixtures.TEAM;
import static org.assertj.core.api.Assertions.assertThat;

import io.harbormaster.cli.StubServer.Answer;
import io.harbormaster.cli.TeamFixtures.Routes;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** hm teams and hm members against a stub of the REST API. */
class HmTeamsTest {

    private final StubServer server = new StubServer();
    private final Map<String, String> signedIn = Map.of(
            "HM_URL", server.url(), "HM_USER", "alice", "HM_PASSWORD", "pw");
    private final Routes routes = new Routes()
            .on("GET /api/me", Answer.json(TeamFixtures.me(TEAM + ":platform:OWNER")))
            .on("GET /api/teams", Answer.json(TeamFixtures.teams()))
            .on("GET /api/teams/" + TEAM, Answer.json(TeamFixtures.team()))
            .on("GET /api/machines", request -> Answer.json("{\"items\":[],\"page\":0,\"size\":1,\"total\":"
                    + (request.uri().getQuery().contains(TEAM) ? 4 : 17) + "}"));

    HmTeamsTest() {
        server.answer(routes);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void teamsShowsRoleMembersAndMachines() {
        var result = Hm.run(signedIn, "teams");

        assertThat(result.err()).isEmpty();
        assertThat(result.out()).isEqualTo("""
                NAME       ROLE    MEMBERS   MACHINES
                platform   owner   3         4
                qa         -       12        17
                """);
        assertThat(server.requests).extracting(r -> r.uri().getPath() + (r.uri().getQuery() == null ? ""
                : "?" + r.uri().getQuery())).containsExactly("/api/me", "/api/teams",
                "/api/machines?team=" + TEAM + "&page=0&size=1", "/api/machines?team=" + QA_TEAM + "&page=0&size=1");
    }

    @Test
    void teamsAsJson() {
        var result = Hm.run(signedIn, "teams", "--format", "json");

        var teams = JsonMapper.builder().build().readTree(result.out());
        assertThat(teams.isArray()).isTrue();
        assertThat(teams.get(0).path("id").stringValue()).isEqualTo(TEAM);
        assertThat(teams.get(0).path("role").stringValue()).isEqualTo("OWNER");
        assertThat(teams.get(0).path("machines").asLong()).isEqualTo(4);
        assertThat(teams.get(1).path("role").isNull()).isTrue();
        assertThat(teams.get(1).path("members").asInt()).isEqualTo(12);
    }

    @Test
    void membersOfANamedTeam() {
        var result = Hm.run(signedIn, "members", "platform");

        assertThat(result.err()).isEmpty();
        assertThat(result.out()).isEqualTo("""
                USERNAME   NAME            ROLE     SINCE
                alice      Alice Liddell   owner    2025-12-01T00:00:00Z
                bob        Bob Builder     member   2025-12-02T10:30:00Z
                dave                       viewer   2026-01-15T08:00:00Z
                """);
    }

    @Test
    void membersOfTheOnlyTeamAsJson() {
        var result = Hm.run(signedIn, "members", "--format", "json");

        var members = JsonMapper.builder().build().readTree(result.out());
        assertThat(members.size()).isEqualTo(3);
        assertThat(members.get(1).path("username").stringValue()).isEqualTo("bob");
        assertThat(members.get(1).path("role").stringValue()).isEqualTo("MEMBER");
        assertThat(members.get(1).path("since").stringValue()).isEqualTo("2025-12-02T10:30:00.123Z");
        assertThat(server.requests.getLast().uri().getPath()).isEqualTo("/api/teams/" + TEAM);
    }

    @Test
    void membersOfATeamYouCannotSee() {
        routes.on("GET /api/teams/" + QA_TEAM, Answer.problem(404, """
                {"title":"Not found","status":404,"detail":"No team with id %s"}""".formatted(QA_TEAM)));

        var result = Hm.run(signedIn, "members", "qa");

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err()).isEqualTo("Cannot list the members of team qa: No team with id " + QA_TEAM + "\n");
    }

    @Test
    void aServerWithoutApiMeStillListsTeams() {
        routes.on("GET /api/me", Answer.problem(404, "{\"status\":404,\"detail\":\"Nothing here\"}"));

        var result = Hm.run(signedIn, "teams");

        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).isEqualTo("""
                NAME       ROLE   MEMBERS   MACHINES
                platform   -      3         4
                qa         -      12        17
                """);
    }
}
