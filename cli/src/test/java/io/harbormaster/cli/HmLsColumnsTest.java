package io.harbormaster.cli;

import static io.harbormaster.cli.MachineFixture.machine;
import static org.assertj.core.api.Assertions.assertThat;

import io.harbormaster.cli.VerbServer.Answer;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** ls: ACTIVE, DOCKER and ERRORS, Harbormaster's own columns, --team, label filters, json, and how much is read. */
class HmLsColumnsTest {

    private final VerbServer server = new VerbServer();
    private final Map<String, String> signedIn = Map.of("HM_URL", server.url(), "HM_TOKEN", "t0k3n");

    @AfterEach
    void stop() {
        server.close();
    }

    private Map<String, String> env(String... keysAndValues) {
        var env = new HashMap<>(signedIn);
        for (int i = 0; i < keysAndValues.length; i += 2) {
            env.put(keysAndValues[i], keysAndValues[i + 1]);
        }
        return env;
    }

    private static Answer page(long total, String... machines) {
        return Answer.json("""
                {"items":[%s],"page":0,"size":500,"total":%d}""".formatted(String.join(",", machines), total));
    }

    @Test
    void activeIsTheRunningMachineAtDockerHostAndDockerShowsTheEngineVersion() {
        server.on("GET", "/api/machines", page(3,
                machine("web-1").json(),
                machine("web-2").with("dockerUrl", "tcp://10.0.0.6:2376").json(),
                machine("old").with("state", "Stopped").with("dockerUrl", "tcp://10.0.0.6:2376")
                        .with("lastError", "ssh: handshake failed:\nconnection reset").json()));

        var result = Hm.run(env("DOCKER_HOST", "tcp://10.0.0.6:2376"), "ls");

        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).isEqualTo("""
                NAME    ACTIVE   DRIVER    STATE     URL                   SWARM   DOCKER    ERRORS
                web-1   -        generic   Running   tcp://10.0.0.5:2376           v27.3.1
                web-2   *        generic   Running   tcp://10.0.0.6:2376           v27.3.1
                old     -        generic   Stopped   tcp://10.0.0.6:2376           Unknown   ssh: handshake failed: connection reset
                """);
    }

    @Test
    void teamAndHolderColumnsInATemplate() {
        server.on("GET", "/api/machines", page(1, machine("web-1").json()));

        var result = Hm.run(signedIn, "ls", "--format", "table {{.Name}}\\t{{.Team}}\\t{{.Holder}}");

        assertThat(result.out()).isEqualTo("""
                NAME    TEAM       HOLDER
                web-1   platform   alice
                """);
    }

    @Test
    void teamByNameIsLookedUpAmongTheCallersTeams() {
        server.on("GET", "/api/me", Answer.json("""
                {"userId":"u","username":"alice","teams":[{"teamId":"11111111-2222-4333-8444-555555555555",\
                "name":"platform","role":"OPERATOR"}]}"""));
        server.on("GET", "/api/machines", page(0));

        var result = Hm.run(signedIn, "ls", "--team", "platform", "--filter", "state=Running");

        assertThat(result.exitCode()).isZero();
        assertThat(server.requests("GET", "/api/machines").getFirst().query())
                .isEqualTo("team=11111111-2222-4333-8444-555555555555&state=Running&page=0&size=500");
    }

    @Test
    void anUnknownTeamListsTheCallersTeams() {
        server.on("GET", "/api/me", Answer.json("""
                {"teams":[{"teamId":"11111111-2222-4333-8444-555555555555","name":"platform","role":"OPERATOR"},\
                {"teamId":"21111111-2222-4333-8444-555555555555","name":"qa","role":"VIEWER"}]}"""));

        var result = Hm.run(signedIn, "ls", "--team", "sales");

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err()).isEqualTo(
                "You are not in a team named 'sales'; your teams: platform (operator), qa (viewer).\n");
    }

    @Test
    void aTeamIdIsSentAsItIs() {
        server.on("GET", "/api/machines", page(0));

        Hm.run(signedIn, "ls", "--team", "11111111-2222-4333-8444-555555555555");

        assertThat(server.requests).extracting(VerbServer.Request::path).containsExactly("/api/machines");
    }

    @Test
    void labelFiltersMatchTheEngineLabelsLikeDockerMachine() {
        server.on("GET", "/api/machines", page(3,
                machine("a").with("engineOptions", Map.of("labels", List.of("env=prod", "tier=web"))).json(),
                machine("b").with("engineOptions", Map.of("labels", List.of("env=staging"))).json(),
                machine("c").with("engineOptions", Map.of("labels", List.of("env=PROD"))).json()));

        var result = Hm.run(signedIn, "ls", "-q", "--filter", "label=env=prod");

        assertThat(result.out()).isEqualTo("a\nc\n");
        assertThat(Hm.run(signedIn, "ls", "-q", "--filter", "label=env=staging", "--filter", "label=tier=web").out())
                .isEqualTo("a\nb\n");
    }

    @Test
    void aLabelFilterOnAServerThatDoesNotListLabelsSaysSo() {
        server.on("GET", "/api/machines", page(1, machine("a").json()));

        var result = Hm.run(signedIn, "ls", "--filter", "label=env=prod");

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err()).isEqualTo("--filter label= needs the server to list each machine's engine labels "
                + "(engineOptions), and this one does not; filter by driver, state or name.\n");
    }

    @Test
    void formatJsonIsAJsonArrayOfTheRows() {
        server.on("GET", "/api/machines", page(1, machine("web-1").json()));

        var result = Hm.run(env("DOCKER_HOST", "tcp://10.0.0.5:2376"), "ls", "--format", "json");

        assertThat(result.out()).startsWith("""
                [
                    {
                        "Name": "web-1",
                        "Active": "*",
                        "ActiveHost": true,
                        "ActiveSwarm": false,
                        "DriverName": "generic",
                        "State": "Running",
                        "URL": "tcp://10.0.0.5:2376",
                """).contains("""
                        "DockerVersion": "v27.3.1",
                """).endsWith("""
                        "Team": "platform",
                        "Holder": "alice"
                    }
                ]
                """);
    }

    @Test
    void aTemplateCanPrintARowAsJson() {
        server.on("GET", "/api/machines", page(1, machine("web-1").json()));

        var out = Hm.run(signedIn, "ls", "--format", "{{json .Name}} {{.DockerVersion}}").out();

        assertThat(out).isEqualTo("\"web-1\" v27.3.1\n");
    }

    private static String[] machines(int from, int to) {
        return IntStream.range(from, to).mapToObj(i -> machine("m-" + i).json()).toArray(String[]::new);
    }

    @Test
    void onATerminalATableShowsTheFirstHundredAndSaysHowManyThereAre() {
        server.on("GET", "/api/machines", page(10_000, machines(0, 100)));

        var result = HmTerminal.run(signedIn, "", "ls");

        assertThat(result.exitCode()).isZero();
        assertThat(result.out().lines()).hasSize(101);
        assertThat(result.err()).isEqualTo("Showing the first 100 of 10,000 machines: hm ls --all lists every one, "
                + "--filter or --team narrows the list.\n");
        assertThat(server.requests).extracting(VerbServer.Request::query).containsExactly("page=0&size=100");
    }

    @Test
    void onATerminalAllAndQuietAndJsonReadEverything() {
        server.on("GET", "/api/machines", request -> {
            var page = Integer.parseInt(request.query().replaceAll(".*page=(\\d+).*", "$1"));
            return page(1_200, machines(page * 500, Math.min(1_200, page * 500 + 500)));
        });

        for (var args : List.of(List.of("ls", "--all"), List.of("ls", "-q"), List.of("ls", "--format", "json"),
                List.of("ls", "--format", "{{.Name}}"))) {
            server.requests.clear();
            var result = HmTerminal.run(signedIn, "", args.toArray(String[]::new));
            assertThat(result.err()).as(args.toString()).isEmpty();
            assertThat(result.out()).as(args.toString()).contains("m-0", "m-1199");
            assertThat(server.requests).as(args.toString()).hasSize(3);
        }
    }

    @Test
    void aTimeoutBoundsTheWaitForTheServer() {
        server.on("GET", "/api/machines", request -> {
            try {
                Thread.sleep(3_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return page(0);
        });

        long started = System.nanoTime();
        var result = Hm.run(signedIn, "ls", "-t", "1");

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err()).isEqualTo("No answer from Harbormaster at " + server.url()
                + " within 1 s; try again, or wait longer with --timeout SECONDS\n");
        assertThat(System.nanoTime() - started).isLessThan(2_500_000_000L);
    }

    @Test
    void lsHelpShowsExamples() {
        var help = Hm.run(Map.of(), "ls", "--help").out();

        assertThat(help).contains("--team", "--all", "--timeout", "Examples:", "hm ls --format json");
        assertThat(Hm.run(Map.of(), "ls", "--format", "{{.Team}}", "--help").exitCode()).isZero();
    }

    @Test
    void namesAreNotSortedAgainTheServersNaturalOrderIsKept() {
        server.on("GET", "/api/machines", page(3, named("web-2", "web-10", "Web-3")));

        assertThat(Hm.run(signedIn, "ls", "-q").out()).isEqualTo("web-2\nweb-10\nWeb-3\n");
    }

    private static String[] named(String... names) {
        return java.util.Arrays.stream(names).map(name -> machine(name).json()).toArray(String[]::new);
    }
}
