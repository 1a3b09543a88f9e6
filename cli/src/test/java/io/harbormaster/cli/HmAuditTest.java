package io.harbormaster.cli;

import static io.harbormaster.cli.TeamFixtures.MACHINE;
import static io.harbormaster.cli.TeamFixtures.QA_TEAM;
import static io.harbormaster.cli.TeamFixtures.TEAM;
import static io.harbormaster.cli.TeamFixtures.auditPage;
import static io.harbormaster.cli.TeamFixtures.entry;
import static org.assertj.core.api.Assertions.assertThat;

import io.harbormaster.cli.StubServer.Answer;
import io.harbormaster.cli.TeamFixtures.Routes;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** hm history and hm audit against a stub of the REST API. */
class HmAuditTest {

    private static final String CREATED = entry("2026-01-02T03:04:05.678Z", "alice", "cli", "MachineCreated", "web-1",
            "created with driver generic, held by alice");
    private static final String STARTED = entry("2026-01-02T03:06:00Z", null, "reconciler", "MachineStarted", "web-1",
            "started");
    private static final String HANDED = entry("2026-01-03T09:00:00Z", "alice", "ui", "MachineHandedOff", "web-1",
            "handed off from alice to bob");

    private final StubServer server = new StubServer();
    private final Map<String, String> signedIn = Map.of(
            "HM_URL", server.url(), "HM_USER", "alice", "HM_PASSWORD", "pw");
    private final Routes routes = new Routes()
            .on("GET /api/machines/by-name", TeamFixtures::webOneByName)
            .on("GET /api/me", Answer.json(TeamFixtures.me(TEAM + ":platform:OWNER")))
            .on("GET /api/teams", Answer.json(TeamFixtures.teams()))
            // the server answers newest first
            .on("GET /api/machines/" + MACHINE + "/history", Answer.json(auditPage(0, 500, 3, HANDED, STARTED,
                    CREATED)))
            .on("GET /api/teams/" + TEAM + "/audit", Answer.json(auditPage(0, 100, 3, HANDED, STARTED, CREATED)));

    HmAuditTest() {
        server.answer(routes);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private String lastQuery() {
        return server.requests.getLast().uri().getQuery();
    }

    @Test
    void historyIsATimelineOldestFirstInUtc() {
        var result = Hm.run(signedIn, "history", "web-1");

        assertThat(result.err()).isEmpty();
        assertThat(result.out()).isEqualTo("""
                WHEN                   WHO     VIA          WHAT
                2026-01-02T03:04:05Z   alice   cli          created with driver generic, held by alice
                2026-01-02T03:06:00Z   -       reconciler   started
                2026-01-03T09:00:00Z   alice   ui           handed off from alice to bob
                """);
        assertThat(server.requests.getLast().uri().getPath()).isEqualTo("/api/machines/" + MACHINE + "/history");
        assertThat(lastQuery()).isEqualTo("page=0&size=500");
    }

    @Test
    void historyReadsEveryPage() {
        routes.on("GET /api/machines/" + MACHINE + "/history", request -> request.uri().getQuery().contains("page=0")
                ? Answer.json(auditPage(0, 500, 3, HANDED, STARTED)) : Answer.json(auditPage(1, 500, 3, CREATED)));

        var result = Hm.run(signedIn, "history", "web-1", "--format", "json");

        var entries = JsonMapper.builder().build().readTree(result.out());
        assertThat(entries.isArray()).isTrue();
        assertThat(entries.size()).isEqualTo(3);
        assertThat(entries.get(0).path("action").stringValue()).isEqualTo("MachineCreated");
        assertThat(entries.get(0).path("occurredAt").stringValue()).isEqualTo("2026-01-02T03:04:05.678Z");
        assertThat(entries.get(2).path("actorName").stringValue()).isEqualTo("alice");
        assertThat(entries.get(2).path("channel").stringValue()).isEqualTo("ui");
    }

    @Test
    void historyLimitAsksForTheNewestOnly() {
        routes.on("GET /api/machines/" + MACHINE + "/history", Answer.json(auditPage(0, 2, 3, HANDED, STARTED)));

        var result = Hm.run(signedIn, "history", "web-1", "-n", "2");

        assertThat(lastQuery()).isEqualTo("page=0&size=2");
        assertThat(result.out()).isEqualTo("""
                WHEN                   WHO     VIA          WHAT
                2026-01-02T03:06:00Z   -       reconciler   started
                2026-01-03T09:00:00Z   alice   ui           handed off from alice to bob
                """);
    }

    @Test
    void escapeSequencesInEntriesAreNotPassedToTheTerminal() {
        routes.on("GET /api/machines/" + MACHINE + "/history", Answer.json(auditPage(0, 500, 1,
                entry("2026-01-02T03:04:05Z", "eve", "api", "MachineShared", "web-1", "shared \\u001b[31mred\\ttab"))));

        var result = Hm.run(signedIn, "history", "web-1");

        assertThat(result.out()).doesNotContain("\u001b").contains("shared ?[31mred?tab");
    }

    @Test
    void auditUsesTheOnlyTeamAndShowsALogTable() {
        var result = Hm.run(signedIn, "audit");

        assertThat(result.exitCode()).isZero();
        assertThat(result.err()).isEmpty();
        assertThat(result.out()).isEqualTo("""
                WHEN                   WHO     VIA          ACTION             SUBJECT   WHAT
                2026-01-02T03:04:05Z   alice   cli          MachineCreated     web-1     created with driver generic, held by alice
                2026-01-02T03:06:00Z   -       reconciler   MachineStarted     web-1     started
                2026-01-03T09:00:00Z   alice   ui           MachineHandedOff   web-1     handed off from alice to bob
                """);
        assertThat(server.requests.getLast().uri().getPath()).isEqualTo("/api/teams/" + TEAM + "/audit");
        assertThat(lastQuery()).isEqualTo("page=0&size=100");
    }

    @Test
    void auditFiltersBecomeTheServersParameters() {
        routes.on("GET /api/teams/" + QA_TEAM + "/audit", Answer.json(auditPage(0, 10, 0)));

        var result = Hm.run(signedIn, "audit", "--team", "qa", "--actor", "bob", "--action", "MachineHandedOff",
                "--via", "UI", "--since", "2026-01-01", "--until", "2026-01-31T12:00+01:00", "--limit", "10");

        assertThat(result.exitCode()).isZero();
        var request = server.requests.getLast();
        assertThat(request.uri().getPath()).isEqualTo("/api/teams/" + QA_TEAM + "/audit");
        assertThat(request.uri().getQuery()).isEqualTo("actor=bob&channel=ui&action=MachineHandedOff"
                + "&from=2026-01-01T00:00:00Z&to=2026-01-31T11:00:00Z&page=0&size=10");
    }

    @Test
    void auditSinceADurationCountsBackFromNow() {
        var before = Instant.now();

        Hm.run(signedIn, "audit", "--since", "24h");

        var from = Instant.parse(lastQuery().replaceAll(".*from=([^&]*).*", "$1"));
        assertThat(from).isBetween(before.minus(Duration.ofHours(24)),
                Instant.now().minus(Duration.ofHours(24)));
    }

    @Test
    void auditSaysWhenItShowsOnlyTheNewest() {
        routes.on("GET /api/teams/" + TEAM + "/audit", Answer.json(auditPage(0, 2, 250, HANDED, STARTED)));

        var result = Hm.run(signedIn, "audit", "-n", "2");

        assertThat(result.err()).isEqualTo("Showed the newest 2 of 250 entries; --limit N shows more (0: all), "
                + "--since narrows, --format csv exports them all.\n");
    }

    @Test
    void auditCsvStreamsTheServersExport() {
        var csv = "occurredAt,action,subject,summary,actorId,actorName,channel,clientAddress,correlationId,"
                + "machineId,eventId\r\n2026-01-03T09:00:00Z,MachineHandedOff,web-1,handed off,,alice,ui,,,,e-1\r\n";
        routes.on("GET /api/teams/" + TEAM + "/audit/export", new Answer(200, "text/csv; charset=UTF-8", csv));

        var result = Hm.run(signedIn, "audit", "--format", "csv", "--since", "2026-01-01");

        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).isEqualTo(csv);
        assertThat(server.requests.getLast().uri().getQuery()).isEqualTo("format=csv&from=2026-01-01T00:00:00Z");
        assertThat(server.requests.getLast().header("Authorization")).startsWith("Basic ");
        assertThat(server.requests.getLast().header("X-Harbormaster-Channel")).isEqualTo("cli");
    }

    @Test
    void auditJsonIsTheExportsArray() {
        routes.on("GET /api/teams/" + TEAM + "/audit/export", Answer.json("[" + HANDED + "," + CREATED + "]"));

        var result = Hm.run(signedIn, "audit", "--format", "json");

        var entries = JsonMapper.builder().build().readTree(result.out());
        assertThat(entries.isArray()).isTrue();
        assertThat(entries.size()).isEqualTo(2);
        assertThat(result.out()).endsWith("]\n");
        assertThat(lastQuery()).isEqualTo("format=json");
    }

    @Test
    void anExportRefusalIsOneLine() {
        routes.on("GET /api/teams/" + TEAM + "/audit/export", Answer.problem(422, """
                {"type":"https://harbormaster.dev/problems/export-too-large","title":"Export too large",\
                "status":422,"detail":"More than 100000 audit entries match; narrow the time range"}"""));

        var result = Hm.run(signedIn, "audit", "--format", "csv");

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.out()).isEmpty();
        assertThat(result.err()).isEqualTo("Cannot read the audit log of team platform: More than 100000 audit "
                + "entries match; narrow the time range\n");
    }

    @Test
    void a403IsOneLineWithTheServersReason() {
        routes.on("GET /api/teams/" + TEAM + "/audit", TeamFixtures.forbidden("Only team owners read its audit log."));

        var result = Hm.run(signedIn, "audit");

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err()).isEqualTo("Cannot read the audit log of team platform: Only team owners read its "
                + "audit log.\n");
    }

    @Test
    void withSeveralTeamsAuditAsksWhichOne() {
        routes.on("GET /api/me", Answer.json(TeamFixtures.me(TEAM + ":platform:OWNER", QA_TEAM + ":qa:MEMBER")));

        var result = Hm.run(signedIn, "audit");

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err()).isEqualTo("You are in 2 teams (platform, qa); name one with --team TEAM.\n");
    }

    @Test
    void withoutATeamAuditSaysWhatToDo() {
        routes.on("GET /api/me", Answer.json(TeamFixtures.me()));

        var result = Hm.run(signedIn, "audit");

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err()).isEqualTo("You are in no team, so name one with --team TEAM (hm teams lists those "
                + "you can see), or ask a team owner to add you.\n");
    }

    @Test
    void anUnknownTeamListsYours() {
        var result = Hm.run(signedIn, "audit", "--team", "nope");

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err()).isEqualTo("No team 'nope' among your teams (platform, qa). Check the name with: "
                + "hm teams\n");
    }

    @Test
    void badTimesAndFormatsFailBeforeAsking() {
        var since = Hm.run(signedIn, "audit", "--since", "yesterday");
        assertThat(since.exitCode()).isEqualTo(1);
        assertThat(since.err()).startsWith("--since: 'yesterday' is not a time hm knows; use a time ago such as 24h");

        var order = Hm.run(signedIn, "audit", "--since", "1h", "--until", "2h");
        assertThat(order.err()).startsWith("--since must be before --until; got ");

        var format = Hm.run(signedIn, "audit", "--format", "xml");
        assertThat(format.err()).isEqualTo("Unknown format 'xml': use table, csv, json.\n");

        var limit = Hm.run(signedIn, "audit", "--format", "csv", "--limit", "5");
        assertThat(limit.err()).startsWith("--limit is for the table;");
        assertThat(server.requests).isEmpty();
    }

    @Test
    void aServerWithoutApiMeFallsBackToTheTeamList() {
        routes.on("GET /api/me", Answer.problem(404, "{\"status\":404,\"detail\":\"Nothing here\"}"));

        var result = Hm.run(signedIn, "audit");

        assertThat(result.err()).isEqualTo("You are in 2 teams (platform, qa); name one with --team TEAM.\n");
    }
}
