package io.harbormaster.cli;

import static io.harbormaster.cli.TeamFixtures.BOB;
import static io.harbormaster.cli.TeamFixtures.CAROL;
import static io.harbormaster.cli.TeamFixtures.MACHINE;
import static io.harbormaster.cli.TeamFixtures.QA_TEAM;
import static org.assertj.core.api.Assertions.assertThat;

import io.harbormaster.cli.StubServer.Answer;
import io.harbormaster.cli.TeamFixtures.Routes;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** hm handoff, share and unshare against a stub of the REST API. */
class HmMachineAccessTest {

    private final StubServer server = new StubServer();
    private final Map<String, String> signedIn = Map.of(
            "HM_URL", server.url(), "HM_USER", "alice", "HM_PASSWORD", "pw");
    private final Routes routes = new Routes()
            .on("GET /api/machines/by-name", TeamFixtures::webOneByName)
            .on("GET /api/teams/" + TeamFixtures.TEAM, Answer.json(TeamFixtures.team()))
            .on("GET /api/teams", Answer.json(TeamFixtures.teams()))
            .on("GET /api/users", Answer.json(TeamFixtures.users()))
            .on("POST /api/machines/" + MACHINE + "/handoff", Answer.json("{\"machineId\":\"" + MACHINE + "\"}"))
            .on("GET /api/machines/" + MACHINE + "/events", events(
                    entry(1, "CertsInstalled", "2026-01-02T04:04:05Z", "an installation before: not this one"),
                    entry(2, "MachineHandedOff", "2026-01-02T05:00:00Z", "handed off from alice to bob"),
                    entry(3, "CertsRegenerated", "2026-01-02T05:00:00Z", "certificates regenerated"),
                    entry(4, "CertsInstalled", "2026-01-02T05:00:02Z", "certificates installed")))
            .on("POST /api/machines/" + MACHINE + "/shares", Answer.json("{\"machineId\":\"" + MACHINE + "\"}"))
            .on("DELETE /api/machines/" + MACHINE + "/shares/USER/" + CAROL, TeamFixtures.noContent())
            .on("DELETE /api/machines/" + MACHINE + "/shares/TEAM/" + QA_TEAM, TeamFixtures.noContent());

    /** A machine's event stream as the server sends it: one SSE message per history entry. */
    static Answer events(String... entries) {
        return new Answer(200, "text/event-stream", String.join("", entries));
    }

    static String entry(int cursor, String action, String occurredAt, String summary) {
        return "id: %d\nevent: %s\ndata: {\"action\":\"%s\",\"occurredAt\":\"%s\",\"summary\":\"%s\"}\n\n"
                .formatted(cursor, action, action, occurredAt, summary);
    }

    HmMachineAccessTest() {
        server.answer(routes);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private StubServer.Request last() {
        return server.requests.getLast();
    }

    @Test
    void handoffRevokesThePreviousHolderByDefault() {
        var result = Hm.run(signedIn, "handoff", "web-1", "bob");

        assertThat(result.err()).isEmpty();
        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).isEqualTo("Handed web-1 from alice to bob; its CA was rotated, so alice's client "
                + "certificates no longer work.\n");
        // it says "no longer work" only once the new certificates are on the host: it waits for CertsInstalled
        assertThat(server.requests).extracting(r -> r.method() + " " + r.uri().getPath()).containsExactly(
                "GET /api/machines/by-name", "GET /api/teams/" + TeamFixtures.TEAM,
                "POST /api/machines/" + MACHINE + "/handoff", "GET /api/machines/" + MACHINE + "/events");
        var handoff = server.requests.get(2);
        assertThat(handoff.body()).isEqualTo("{\"to\":\"" + BOB + "\",\"revokePreviousHolder\":true}");
        assertThat(handoff.header("Content-Type")).isEqualTo("application/json");
        assertThat(handoff.header("X-Harbormaster-Channel")).isEqualTo("cli");
    }

    @Test
    void givenInstallingTheNewCertificatesFails_thenHandoffSaysTheOldOnesStillWork() {
        routes.on("GET /api/machines/" + MACHINE + "/events", events(
                entry(2, "MachineHandedOff", "2026-01-02T05:00:00Z", "handed off from alice to bob"),
                entry(3, "CertsInstallFailed", "2026-01-02T05:00:02Z", "host 10.0.0.5:22 unreachable")));

        var result = Hm.run(signedIn, "handoff", "web-1", "bob");

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err()).isEqualTo("Handed web-1 to bob, but installing its new certificates on the host "
                + "failed (host 10.0.0.5:22 unreachable), so alice's client certificates still work there. Fix the "
                + "host, then run: hm regenerate-certs -f web-1\n");
    }

    @Test
    void handoffWithKeepAccessDoesNotRotateTheCa() {
        var result = Hm.run(signedIn, "handoff", "web-1", "bob", "--keep-access");

        assertThat(result.out()).isEqualTo("Handed web-1 from alice to bob; alice keeps access (the CA was not "
                + "rotated).\n");
        assertThat(last().body()).isEqualTo("{\"to\":\"" + BOB + "\",\"revokePreviousHolder\":false}");
    }

    @Test
    void handoffToSomeoneOutsideTheTeamSaysWhoIsInIt() {
        var result = Hm.run(signedIn, "handoff", "web-1", "mallory");

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.out()).isEmpty();
        assertThat(result.err()).isEqualTo("'mallory' is not a member of team platform, and only its members can "
                + "hold web-1. Its members: alice, bob, dave. A team owner can add them.\n");
        assertThat(server.requests).noneMatch(r -> r.method().equals("POST"));
    }

    @Test
    void handoffToAViewerIsRefusedBeforeAsking() {
        var result = Hm.run(signedIn, "handoff", "web-1", "dave");

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err()).isEqualTo("dave is only a viewer in team platform, and viewers cannot hold "
                + "machines. A team owner can make them a member first.\n");
        assertThat(server.requests).noneMatch(r -> r.method().equals("POST"));
    }

    @Test
    void handoffToTheHolderChangesNothing() {
        var result = Hm.run(signedIn, "handoff", "web-1", "alice");

        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).isEqualTo("alice already holds web-1; nothing changed.\n");
        assertThat(server.requests).noneMatch(r -> r.method().equals("POST"));
    }

    @Test
    void handoffOfAnUnknownMachineSaysSoLikeDockerMachine() {
        var result = Hm.run(signedIn, "handoff", "web-9", "bob");

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err()).isEqualTo("Host does not exist: \"web-9\" (No machine named 'web-9' in your teams)\n");
    }

    @Test
    void aRefusalIsOneLineWithTheServersReason() {
        routes.on("POST /api/machines/" + MACHINE + "/handoff", TeamFixtures.forbidden("You may see machine "
                + "'web-1' but not hand it off: that needs the OWNER role in its team or being its holder."));

        var result = Hm.run(signedIn, "handoff", "web-1", "bob");

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.out()).isEmpty();
        assertThat(result.err()).isEqualTo("Cannot hand web-1 to bob: You may see machine 'web-1' but not hand it "
                + "off: that needs the OWNER role in its team or being its holder.\n");
    }

    @Test
    void shareWithAUserIsAsViewerByDefault() {
        var result = Hm.run(signedIn, "share", "web-1", "--user", "bob");

        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).isEqualTo("Shared web-1 with user bob as viewer (may see it; --role member to let "
                + "them use it).\n");
        assertThat(last().method()).isEqualTo("POST");
        assertThat(last().uri().getPath()).isEqualTo("/api/machines/" + MACHINE + "/shares");
        assertThat(last().body()).isEqualTo("{\"grantee\":{\"kind\":\"USER\",\"id\":\"" + BOB + "\"},"
                + "\"role\":\"VIEWER\"}");
    }

    @Test
    void shareWithATeamAsMember() {
        var result = Hm.run(signedIn, "share", "web-1", "--team", "qa", "--role", "MEMBER");

        assertThat(result.out()).isEqualTo("Shared web-1 with team qa as member.\n");
        assertThat(last().body()).contains("\"kind\":\"TEAM\"", "\"id\":\"" + QA_TEAM + "\"",
                "\"role\":\"MEMBER\"");
    }

    @Test
    void shareWithATeamOutsideYoursTakesItsId() {
        var other = "7a1d6f0e-0000-4000-8000-0000000000ff";

        var result = Hm.run(signedIn, "share", "web-1", "--team", other);

        assertThat(result.exitCode()).isZero();
        assertThat(last().body()).contains("\"id\":\"" + other + "\"");
    }

    @Test
    void shareWithAnUnknownUserSaysSo() {
        var result = Hm.run(signedIn, "share", "web-1", "--user", "mallory");

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err()).isEqualTo("No user 'mallory' on " + server.url()
                + ". Check the username (hm members TEAM lists a team's).\n");
        assertThat(server.requests).noneMatch(r -> r.method().equals("POST"));
    }

    @Test
    void shareWithTheMachinesOwnTeamIsRefused() {
        var result = Hm.run(signedIn, "share", "web-1", "--team", "platform");

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err()).isEqualTo("web-1 belongs to team platform, whose members have access anyway; "
                + "share it with another team or a user.\n");
    }

    @Test
    void shareNeedsExactlyOneGranteeAndAKnownRole() {
        assertThat(Hm.run(signedIn, "share", "web-1").exitCode()).isEqualTo(2);
        assertThat(Hm.run(signedIn, "share", "web-1", "--user", "bob", "--team", "qa").err())
                .contains("mutually exclusive");
        var badRole = Hm.run(signedIn, "share", "web-1", "--user", "bob", "--role", "admin");
        assertThat(badRole.exitCode()).isEqualTo(1);
        assertThat(badRole.err()).isEqualTo("Unknown role 'admin': use viewer or member.\n");
        assertThat(server.requests).isEmpty();
    }

    @Test
    void unshareFindsTheShareByName() {
        var result = Hm.run(signedIn, "unshare", "web-1", "--user", "carol");

        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).isEqualTo("Unshared web-1 with user carol.\n");
        assertThat(last().method()).isEqualTo("DELETE");
        assertThat(last().uri().getPath()).isEqualTo("/api/machines/" + MACHINE + "/shares/USER/" + CAROL);
    }

    @Test
    void unshareATeam() {
        var result = Hm.run(signedIn, "unshare", "web-1", "--team", "qa");

        assertThat(result.out()).isEqualTo("Unshared web-1 with team qa.\n");
        assertThat(last().uri().getPath()).isEqualTo("/api/machines/" + MACHINE + "/shares/TEAM/" + QA_TEAM);
    }

    @Test
    void unshareOfSomeoneItIsNotSharedWithListsTheShares() {
        var result = Hm.run(signedIn, "unshare", "web-1", "--user", "bob");

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err()).isEqualTo("web-1 is not shared with user bob; it is shared with user carol "
                + "(viewer), team qa (member).\n");
        assertThat(server.requests).noneMatch(r -> r.method().equals("DELETE"));
    }
}
