package io.harbormaster.cli;

import static io.harbormaster.cli.MachineJson.machine;
import static io.harbormaster.cli.MachineJson.page;
import static org.assertj.core.api.Assertions.assertThat;

import io.harbormaster.cli.StubServer.Answer;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class HmLsTest {

    private static final String PASSWORD = "s3cret-Pa55";

    private final StubServer server = new StubServer();
    private final Map<String, String> signedIn = Map.of(
            "HM_URL", server.url(), "HM_USER", "alice", "HM_PASSWORD", PASSWORD);

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void listsMachinesInDockerMachinesColumns() {
        server.answer(request -> Answer.json(page(0, 100, 2,
                machine("web-1", "generic", "Running", "tcp://10.0.0.5:2376"),
                machine("db-10", "amazonec2", "Stopped", null))));

        var result = Hm.run(signedIn, "ls");

        assertThat(result.exitCode()).isZero();
        assertThat(result.err()).isEmpty();
        assertThat(result.out()).isEqualTo("""
                NAME    ACTIVE   DRIVER      STATE     URL                   SWARM   DOCKER    ERRORS
                web-1   -        generic     Running   tcp://10.0.0.5:2376           Unknown
                db-10   -        amazonec2   Stopped                                 Unknown
                """);
    }

    @Test
    void givenNoMachines_thenOnlyTheHeader() {
        server.answer(request -> Answer.json(page(0, 100, 0)));

        var result = Hm.run(signedIn, "ls");

        assertThat(result.out()).isEqualTo("NAME   ACTIVE   DRIVER   STATE   URL   SWARM   DOCKER   ERRORS\n");
        assertThat(result.err()).isEmpty();
    }

    @Test
    void readsEveryPageInPagesOfTheLargestSizeTheServerAllows() {
        server.answer(request -> {
            var query = request.uri().getQuery();
            var next = query.contains("page=0") ? machine("a", "generic", "Running", null)
                    : query.contains("page=1") ? machine("b", "generic", "Running", null)
                    : machine("c", "generic", "Running", null);
            return Answer.json(page(0, 500, 1201, next));
        });

        var result = Hm.run(signedIn, "ls", "-q");

        // 1201 machines are three pages of 500; the stub puts one machine on each
        assertThat(result.out()).isEqualTo("a\nb\nc\n");
        assertThat(server.requests).extracting(r -> r.uri().getPath() + "?" + r.uri().getQuery())
                .containsExactlyInAnyOrder("/api/machines?page=0&size=500", "/api/machines?page=1&size=500",
                        "/api/machines?page=2&size=500");
        assertThat(server.requests.getFirst().uri().getQuery()).isEqualTo("page=0&size=500");
    }

    @Test
    void givenAServerWithSmallerPages_thenPagesByWhatItSends() {
        server.answer(request -> request.uri().getQuery().contains("page=0")
                ? Answer.json(page(0, 2, 3, machine("a", "generic", "Running", null),
                        machine("b", "generic", "Running", null)))
                : Answer.json(page(1, 2, 3, machine("c", "generic", "Running", null))));

        var result = Hm.run(signedIn, "ls", "-q");

        assertThat(result.out()).isEqualTo("a\nb\nc\n");
        assertThat(server.requests).extracting(r -> r.uri().getPath() + "?" + r.uri().getQuery())
                .containsExactly("/api/machines?page=0&size=500", "/api/machines?page=1&size=2");
    }

    @Test
    void sendsTheCliChannelAndBasicCredentials() {
        server.answer(request -> Answer.json(page(0, 100, 0)));

        Hm.run(signedIn, "ls");

        var request = server.requests.getFirst();
        assertThat(request.method()).isEqualTo("GET");
        assertThat(request.header("X-Harbormaster-Channel")).isEqualTo("cli");
        assertThat(request.header("Authorization")).isEqualTo("Basic " + Base64.getEncoder()
                .encodeToString(("alice:" + PASSWORD).getBytes(StandardCharsets.UTF_8)));
        assertThat(request.header("User-Agent")).isEqualTo("hm/dev");
    }

    @Test
    void givenNoCredentials_whenTheServerWantsThem_thenSaysHowToSignIn() {
        server.answer(request -> Answer.problem(401, """
                {"type":"https://harbormaster.dev/problems/unauthenticated","title":"Not signed in","status":401,\
                "detail":"Sign in with HTTP Basic (user name and password) to use the API."}"""));

        var result = Hm.run(Map.of("HM_URL", server.url()), "ls");

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err()).isEqualTo("Not logged in to " + server.url() + ". Run: hm login " + server.url()
                + "\n");
        assertThat(result.out()).isEmpty();
        assertThat(server.requests.getFirst().header("Authorization")).isNull();
    }

    @Test
    void givenAWrongPassword_thenSaysHowToSignInWithoutEchoingIt() {
        server.answer(request -> Answer.problem(401, "{}"));

        var result = Hm.run(signedIn, "ls");

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err()).isEqualTo("Harbormaster at " + server.url()
                + " refused the username or password in HM_USER/HM_PASSWORD. Check them and try again.\n");
        assertThat(result.out() + result.err()).doesNotContain(PASSWORD);
    }

    @Test
    void givenAProblemDetail_thenPrintsItsDetail() {
        server.answer(request -> Answer.problem(403, """
                {"type":"https://harbormaster.dev/problems/forbidden","title":"Forbidden","status":403,\
                "detail":"Your account may not do this; ask a platform admin."}"""));

        var result = Hm.run(signedIn, "ls");

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err()).isEqualTo("Your account may not do this; ask a platform admin.\n");
    }

    @Test
    void givenAnErrorWithoutAProblemDocument_thenNamesTheStatus() {
        server.answer(request -> new Answer(502, "text/html", "<html>Bad gateway</html>"));

        var result = Hm.run(signedIn, "ls");

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err()).isEqualTo("Harbormaster at " + server.url() + " answered HTTP 502 without an explanation\n");
    }

    @Test
    void givenNoServerListening_thenSaysSoAndWhereItLooked() {
        var url = server.url();
        server.close();

        var result = Hm.run(Map.of("HM_URL", url, "HM_USER", "alice", "HM_PASSWORD", PASSWORD), "ls");

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err()).isEqualTo("Cannot reach Harbormaster at " + url
                + ": connection refused. Is the server running and the URL right (hm login URL, or HM_URL)?\n");
    }

    @Test
    void givenAnUnknownHost_thenSaysSo() {
        var result = Hm.run(Map.of("HM_URL", "http://no-such-host.invalid"), "ls");

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err()).isEqualTo("Cannot reach Harbormaster at http://no-such-host.invalid"
                + ": unknown host. Is the server running and the URL right (hm login URL, or HM_URL)?\n");
    }

    @Test
    void givenAnAnswerItCannotRead_thenSaysSo() {
        server.answer(request -> Answer.json("{\"items\":[{\"id\":\"not-a-uuid\"}],\"total\":1}"));

        var result = Hm.run(signedIn, "ls");

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err()).startsWith("Harbormaster at " + server.url() + " answered with something hm cannot read");
    }

    @Test
    void quietPrintsNamesOnly() {
        server.answer(request -> Answer.json(page(0, 100, 2,
                machine("web-1", "generic", "Running", "tcp://10.0.0.5:2376"),
                machine("web-2", "generic", "Stopped", null))));

        assertThat(Hm.run(signedIn, "ls", "--quiet").out()).isEqualTo("web-1\nweb-2\n");
    }

    @Test
    void formatFillsTheTemplatePerMachineAndLeavesTabsAsTheyAreWithoutTable() {
        server.answer(request -> Answer.json(page(0, 100, 2,
                machine("web-1", "generic", "Running", "tcp://10.0.0.5:2376"),
                machine("database", "amazonec2", "Stopped", null))));

        var result = Hm.run(signedIn, "ls", "--format", "{{.Name}}\\t{{.DriverName}}: {{ .State }} {{.URL}}");

        // docker-machine writes a template without "table" straight out: tabs stay tabs, for cut -f and awk
        assertThat(result.out()).isEqualTo("web-1\tgeneric: Running tcp://10.0.0.5:2376\n"
                + "database\tamazonec2: Stopped \n");
    }

    @Test
    void aTableFormatAddsHeaders() {
        server.answer(request -> Answer.json(page(0, 100, 1, machine("web-1", "generic", "Running", null))));

        var result = Hm.run(signedIn, "ls", "-f", "table {{.Name}}\\t{{.State}}");

        assertThat(result.out()).isEqualTo("""
                NAME    STATE
                web-1   Running
                """);
    }

    @Test
    void anUnknownTemplateFieldFailsBeforeAskingTheServer() {
        var result = Hm.run(signedIn, "ls", "--format", "{{.Nmae}}");

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err()).startsWith("--format: hm does not know {{.Nmae}}; use {{.Name}}, ");
        assertThat(server.requests).isEmpty();
    }

    @Test
    void filtersBecomeQueryParameters() {
        server.answer(request -> Answer.json(page(0, 100, 0)));

        var result = Hm.run(signedIn, "ls", "--filter", "driver=generic", "--filter", "state=running",
                "--filter", "name=web 1");

        assertThat(result.exitCode()).isZero();
        var request = server.requests.getFirst();
        assertThat(request.uri().getQuery())
                .isEqualTo("state=Running&driver=generic&name=web 1&page=0&size=500");
        assertThat(request.uri().getRawQuery()).contains("name=web%201&");
    }

    @Test
    void anUnsupportedFilterIsAUsageError() {
        var result = Hm.run(signedIn, "ls", "--filter", "swarm=main");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).startsWith("Unsupported filter key 'swarm': hm filters by driver, state, name, label");
        assertThat(server.requests).isEmpty();
    }

    @Test
    void anUnknownStateIsAUsageError() {
        var result = Hm.run(signedIn, "ls", "--filter", "state=Sleeping");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).startsWith("Unknown state 'Sleeping': one of Creating, Provisioning, Running");
    }

    @Test
    void theServerOptionWinsOverTheEnvironmentBeforeOrAfterTheVerb() {
        server.answer(request -> Answer.json(page(0, 100, 0)));
        var elsewhere = Map.of("HM_URL", "http://127.0.0.1:9", "HM_USER", "alice", "HM_PASSWORD", PASSWORD);

        assertThat(Hm.run(elsewhere, "--server", server.url(), "ls").exitCode()).isZero();
        assertThat(Hm.run(elsewhere, "ls", "--server", server.url() + "/").exitCode()).isZero();
        assertThat(server.requests).hasSize(2);
    }

    @Test
    void credentialsInTheServerUrlAreRefusedAndNotEchoed() {
        var result = Hm.run(Map.of("HM_URL", "http://alice:" + PASSWORD + "@127.0.0.1:1"), "ls");

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err()).isEqualTo("Do not put credentials in the server URL: run hm login URL, or set HM_TOKEN.\n");
    }

    @Test
    void aServerThatIsNotAnHttpUrlIsRefused() {
        var result = Hm.run(Map.of("HM_URL", "harbor.example"), "ls");

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err()).startsWith("The Harbormaster server must be an http:// or https:// URL");
    }
}
