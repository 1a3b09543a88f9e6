package io.harbormaster.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.harbormaster.cli.VerbServer.Answer;
import io.harbormaster.testing.DockerMachineStoreWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

/**
 * import: which store is read, what is sent for each machine (and what never is: the client key, a driver's
 * credentials), the line per machine and the exit code. The server side is {@code MachineImportTest}'s, and the
 * whole of it runs end to end in {@code HmImportIntegrationTest}.
 */
class HmImportTest {

    private static final String TEAM = "11111111-2222-4333-8444-555555555555";

    private final VerbServer server = new VerbServer();

    @TempDir
    Path home;

    private DockerMachineStoreWriter store;

    @BeforeEach
    void aStore() throws Exception {
        store = DockerMachineStoreWriter.create(home.resolve(".docker/machine"), "alice");
        store.driver("amazonec2", "cloud", "10.213.0.97", Map.of("AccessKey", "AKIA-MUST-NOT-LEAVE",
                "SecretKey", "secret-key-must-not-leave", "Region", "eu-west-1"));
        store.none("legacy", "tcp://10.213.0.98:2376");
        Files.delete(store.store().resolve("machines/legacy/config.json"));
        server.on("GET", "/api/me", Answer.json("""
                {"userId":"u","username":"alice","teams":[{"teamId":"%s","name":"platform","role":"MEMBER"}]}"""
                .formatted(TEAM)));
        server.on("POST", "/api/machines/import", Answer.json(201, """
                {"machineId":"m","name":"cloud","driver":"none","dockerUrl":"tcp://10.213.0.97:2376",
                 "importedDriver":"amazonec2","notes":["an existing daemon now"],"dryRun":false}"""));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void eachMachineIsOneLine_aSkippedOneSaysWhy_andTheRunExitsOne() {
        var run = hm("import");

        assertThat(run.out()).isEqualTo("""
                imported cloud (none, tcp://10.213.0.97:2376; was amazonec2)
                  note: an existing daemon now
                skipped legacy: machines/legacy/config.json is missing
                """);
        assertThat(run.exitCode()).isEqualTo(1);
    }

    @Test
    void theRequestCarriesWhereItCameFrom_butNeitherTheClientKeyNorTheDriversCredentials() throws Exception {
        hm("import", "cloud");

        var body = server.requests("POST", "/api/machines/import").getFirst().body();
        var sent = JsonMapper.builder().build().readTree(body);
        assertThat(sent.path("team").asString()).isEqualTo(TEAM);
        assertThat(sent.path("workstation").asString()).isEqualTo("alice-laptop");
        assertThat(sent.path("storePath").asString()).isEqualTo(store.store().toString());
        assertThat(sent.path("driver").asString()).isEqualTo("amazonec2");
        assertThat(sent.path("driverSettings").path("Region").asString()).isEqualTo("eu-west-1");
        assertThat(sent.path("dryRun").asBoolean()).isFalse();
        assertThat(sent.path("tls").path("caKey").asString()).isEqualTo(store.ca().keyPem());
        assertThat(body).doesNotContain("AKIA-MUST-NOT-LEAVE").doesNotContain("secret-key-must-not-leave")
                .doesNotContain(store.client().keyPem().substring(40, 100).replace("\n", "\\n"));
    }

    @Test
    void theStoreIsTheFlag_elseMachineStoragePath_elseTheHomes() throws Exception {
        var moved = Files.move(home.resolve(".docker"), home.resolve("old")).resolve("machine");

        var nowhere = hm("import", "--dry-run");
        assertThat(nowhere.exitCode()).isEqualTo(1);
        assertThat(nowhere.err()).isEqualTo("Cannot import: there is no docker-machine store at "
                + home.resolve(".docker/machine") + " (nothing there). Give the store with --storage-path.\n");

        var byVariable = hm(Map.of("MACHINE_STORAGE_PATH", moved.toString()), "import", "--dry-run", "cloud");
        assertThat(byVariable.exitCode()).as(byVariable.err()).isZero();
        var byFlag = hm("import", "--dry-run", "-s", moved.toString(), "cloud");
        assertThat(byFlag.exitCode()).as(byFlag.err()).isZero();
        assertThat(byFlag.out()).startsWith("would import cloud (none, tcp://10.213.0.97:2376; was amazonec2)\n");
        assertThat(server.requests("POST", "/api/machines/import")).allMatch(request ->
                request.body().contains("\"dryRun\":true") && request.body().contains(moved.toString()));
    }

    @Test
    void aRefusalOfOneMachineIsASkip_butARefusalOfTheTeamEndsTheRun() {
        server.on("POST", "/api/machines/import", Answer.problem(409, "The Docker daemon at tcp://10.213.0.97:2376 "
                + "is already managed by this platform: it is machine 'cloud' of team platform. Nothing was imported."));
        var twice = hm("import", "cloud");
        assertThat(twice.exitCode()).isEqualTo(1);
        assertThat(twice.out()).isEqualTo("skipped cloud: The Docker daemon at tcp://10.213.0.97:2376 is already "
                + "managed by this platform: it is machine 'cloud' of team platform. Nothing was imported.\n");

        server.on("POST", "/api/machines/import", Answer.problem(403, "You are a VIEWER in team " + TEAM
                + ": creating machines there needs the OWNER or MEMBER role."));
        var viewer = hm("import", "cloud");
        assertThat(viewer.exitCode()).isEqualTo(1);
        assertThat(viewer.out()).isEmpty();
        assertThat(viewer.err()).startsWith("You are a VIEWER in team ");
    }

    @Test
    void anotherNameIsForOneMachine_andATeamMustBeOneOfTheCallers() {
        var two = hm("import", "cloud", "legacy", "--name", "x");
        assertThat(two.exitCode()).isEqualTo(1);
        assertThat(two.err()).isEqualTo("--name renames one machine: give exactly one NAME with it\n");

        var renamed = hm("import", "cloud", "--name", "cloud-old");
        assertThat(renamed.exitCode()).as(renamed.err()).isZero();
        assertThat(server.requests("POST", "/api/machines/import").getFirst().body())
                .contains("\"name\":\"cloud-old\"");

        var team = hm("import", "--team", "nope");
        assertThat(team.exitCode()).isEqualTo(1);
        assertThat(team.err()).isEqualTo("You are not in a team named 'nope'; your teams: platform (member).\n");
    }

    private Hm.Result hm(String... args) {
        return hm(Map.of(), args);
    }

    private Hm.Result hm(Map<String, String> extra, String... args) {
        var environment = new HashMap<String, String>();
        environment.put("HM_URL", server.url());
        environment.put("HM_TOKEN", "t0k3n");
        environment.put("HOME", home.toString());
        environment.put("HM_WORKSTATION_NAME", "alice-laptop");
        environment.putAll(extra);
        return Hm.run(environment, args);
    }
}
