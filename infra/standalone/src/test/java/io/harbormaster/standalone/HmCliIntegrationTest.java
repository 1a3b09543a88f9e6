package io.harbormaster.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import io.harbormaster.testing.TestHost;
import io.harbormaster.testing.TestHosts;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code hm} as a user runs it: the built launcher as a process, against the running platform and a real test host.
 * Alice logs in, creates a generic machine and watches it reach Running, uses it with the real {@code docker} client
 * from bash, zsh and fish, compares what hm prints with docker-machine's formats, hands the machine off to Bob (whose
 * {@code hm env} then works while Alice's docker client is refused), and the bad paths each end with one line and an
 * exit code.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class HmCliIntegrationTest {

    private static final String PASSWORD = "hm-cli-password-for-tests";
    private static final String HOST_IP = "10.213.0.160";
    private static final String MACHINE = "cli-1";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @TempDir
    static Path workspace;

    private static RunningPlatform platform;
    private static TestHost host;
    private static Path key;
    private static HmWorkstation alice;
    private static HmWorkstation bob;
    private static HmWorkstation carol;
    private static String aliceEnvBeforeHandOff;

    @BeforeAll
    static void start() throws Exception {
        Assumptions.assumeTrue(TestHosts.available(), () -> "test hosts unavailable: " + TestHosts.unavailableReason());
        key = TestHostMachines.newKey(workspace, "id_ed25519");
        host = TestHosts.up("hmcli-a", HOST_IP, TestHostMachines.publicKey(key));
        platform = RunningPlatform.startOnFreshDatabase();
        var admin = platform.admin();
        var team = admin.post("/api/teams", "{\"name\":\"cli-team\"}").text("teamId");
        for (var user : List.of("alice:MEMBER", "bob:MEMBER", "carol:")) {
            var name = user.substring(0, user.indexOf(':'));
            var role = user.substring(user.indexOf(':') + 1);
            var id = admin.post("/api/users", "{\"username\":\"%s\",\"displayName\":\"%s\"}".formatted(name, name))
                    .text("userId");
            admin.put("/api/users/" + id + "/password", "{\"password\":\"" + PASSWORD + "\"}");
            if (!role.isEmpty()) {
                admin.post("/api/teams/" + team + "/members", "{\"userId\":\"%s\",\"role\":\"%s\"}".formatted(id, role));
            }
        }
        alice = new HmWorkstation(Files.createDirectories(workspace.resolve("alice-laptop")));
        bob = new HmWorkstation(Files.createDirectories(workspace.resolve("bob-laptop")));
        carol = new HmWorkstation(Files.createDirectories(workspace.resolve("carol-laptop")));
    }

    @AfterAll
    static void stop() {
        if (platform != null) {
            platform.close();
        }
        if (host != null) {
            host.close();
        }
    }

    private static HmWorkstation.Run login(HmWorkstation user, String username, String password) {
        return user.hmWithInput(password + "\n", "login", platform.baseUrl(), "-u", username, "--password-stdin");
    }

    @Test
    @Order(1)
    void aWrongPasswordIsOneLineAndSavesNothing() {
        var run = login(alice, "alice", "not-the-password");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).isEqualTo("Wrong username or password for " + platform.baseUrl()
                + ". Nothing was saved.\n");
        assertThat(alice.home().resolve(".config/harbormaster/login.json")).doesNotExist();
    }

    @Test
    @Order(2)
    void loginKeepsATokenForTheWorkstationAndWhoamiSaysWho() throws Exception {
        var run = login(alice, "alice", PASSWORD);

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.err()).startsWith("Logged in to " + platform.baseUrl() + " as alice (token 'hm on alice-laptop'");
        var saved = Files.readString(alice.home().resolve(".config/harbormaster/login.json"));
        assertThat(saved).doesNotContain(PASSWORD);
        assertThat(platform.jdbc().sql("SELECT count(*) FROM sec_api_token WHERE name = 'hm on alice-laptop'")
                .query(Long.class).single()).isEqualTo(1);

        var version = alice.hm("version");
        assertThat(version.exitCode()).as(version.err()).isZero();
        assertThat(version.out()).isEqualTo("hm version %1$s\nServer: Harbormaster %1$s at %2$s\n"
                .formatted(platform.bean(org.springframework.boot.info.BuildProperties.class).getVersion(),
                        platform.baseUrl()));

        var whoami = alice.hm("whoami");
        assertThat(whoami.exitCode()).isZero();
        assertThat(whoami.out()).startsWith("alice\nserver: " + platform.baseUrl() + "\n")
                .contains("signed in with: token 'hm on alice-laptop'", "teams: cli-team (member)");
    }

    @Test
    @Order(3)
    void createProvisionsAGenericMachineAndShowsTheStepsLive() {
        var run = alice.hm("create", "-d", "generic", "--generic-ip-address", HOST_IP, "--generic-ssh-key",
                key.toString(), "--engine-label", "team=blue", MACHINE);

        assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
        var shown = run.out() + run.err();
        assertThat(shown).contains("tcp://" + HOST_IP + ":2376", "hm env " + MACHINE);
        assertThat(shown).doesNotContain(TestHostMachines.bodySlice(TestHostMachines.read(key)));
        assertThat(alice.hm("status", MACHINE).out()).isEqualTo("Running\n");
    }

    @Test
    @Order(4)
    void envInBashZshAndFishPointsTheRealDockerClientAtTheMachine() {
        var version = host.exec("docker", "version", "--format", "{{.Server.Version}}").stdout().strip();

        var bash = alice.shell("bash", "eval \"$(hm env " + MACHINE + ")\" && docker version --format "
                + "'{{.Server.Version}}'");
        assertThat(bash.exitCode()).as(bash.err()).isZero();
        assertThat(bash.outLine()).isEqualTo(version);

        var fish = alice.shell("fish", "hm env " + MACHINE + " | source; and docker version --format "
                + "'{{.Server.Version}}'");
        assertThat(fish.exitCode()).as(fish.err()).isZero();
        assertThat(fish.outLine()).isEqualTo(version);

        if (Files.isExecutable(Path.of("/usr/bin/zsh"))) {
            var zsh = alice.shell("zsh", "eval \"$(hm env " + MACHINE + ")\" && docker version --format "
                    + "'{{.Server.Version}}'");
            assertThat(zsh.exitCode()).as(zsh.err()).isZero();
            assertThat(zsh.outLine()).isEqualTo(version);
        }
        aliceEnvBeforeHandOff = alice.hm("env", "--shell", "bash", MACHINE).out();

        // a docker context of the machine, in docker's own store; made again, it refreshes the certificates
        for (int round = 0; round < 2; round++) {
            var context = alice.hm("context", MACHINE);
            assertThat(context.exitCode()).as(context.err()).isZero();
            assertThat(context.out()).startsWith("Context \"" + MACHINE + "\" points at tcp://" + HOST_IP + ":2376");
            var viaContext = alice.shell("bash", "docker --context " + MACHINE + " version --format "
                    + "'{{.Server.Version}}'");
            assertThat(viaContext.exitCode()).as(viaContext.err()).isZero();
            assertThat(viaContext.outLine()).isEqualTo(version);
        }
    }

    @Test
    @Order(5)
    void lsInspectConfigUrlIpAndStatusPrintDockerMachinesFormats() throws Exception {
        var url = "tcp://" + HOST_IP + ":2376";
        var version = host.exec("docker", "version", "--format", "{{.Server.Version}}").stdout().strip();

        var ls = alice.with("DOCKER_HOST", url).hm("ls");
        alice.with("DOCKER_HOST", "");
        assertThat(ls.exitCode()).as(ls.err()).isZero();
        var lines = ls.out().lines().toList();
        assertThat(lines.getFirst().split(" {3,}")).containsExactly("NAME", "ACTIVE", "DRIVER", "STATE", "URL",
                "SWARM", "DOCKER", "ERRORS");
        assertThat(lines.get(1).strip().split(" {3,}")).containsExactly(MACHINE, "*", "generic", "Running", url,
                "v" + version);
        assertThat(alice.hm("ls", "-q").out()).isEqualTo(MACHINE + "\n");
        assertThat(alice.hm("ls", "-q", "--filter", "label=team=blue").out()).isEqualTo(MACHINE + "\n");
        assertThat(alice.hm("ls", "-q", "--filter", "label=team=red").out()).isEmpty();

        assertThat(alice.hm("url", MACHINE).out()).isEqualTo(url + "\n");
        assertThat(alice.hm("ip", MACHINE).out()).isEqualTo(HOST_IP + "\n");
        assertThat(alice.hm("status", MACHINE).out()).isEqualTo("Running\n");

        var certs = alice.home().resolve(".config/harbormaster/machines");
        var config = alice.hm("config", MACHINE).out();
        var folder = Files.list(certs).findFirst().orElseThrow();
        assertThat(config).isEqualTo("""
                --tlsverify
                --tlscacert="%1$s/ca.pem"
                --tlscert="%1$s/cert.pem"
                --tlskey="%1$s/key.pem"
                -H=%2$s
                """.formatted(folder, url));

        var inspect = alice.hm("inspect", MACHINE);
        assertThat(inspect.exitCode()).as(inspect.err()).isZero();
        assertThat(inspect.out()).startsWith("{\n    \"ConfigVersion\": 3,\n");
        JsonNode machine = JSON.readTree(inspect.out());
        assertThat(machine.path("Name").stringValue()).isEqualTo(MACHINE);
        assertThat(machine.path("DriverName").stringValue()).isEqualTo("generic");
        assertThat(machine.path("Driver").path("IPAddress").stringValue()).isEqualTo(HOST_IP);
        assertThat(machine.path("HostOptions").path("EngineOptions").isObject()).isTrue();
        assertThat(machine.path("HostOptions").path("AuthOptions").isObject()).isTrue();
        // the certificates live on the platform: no workstation's absolute paths in what hm shows
        assertThat(inspect.out()).doesNotContain(alice.home().toString()).doesNotContain("/root/");
        assertThat(alice.hm("inspect", "-f", "{{.Driver.IPAddress}}", MACHINE).out()).isEqualTo(HOST_IP + "\n");
    }

    @Test
    @Order(6)
    void aHandOffGivesBobAWorkingEnvAndRefusesAlicesDockerClient() {
        var handoff = alice.hm("handoff", MACHINE, "bob");
        assertThat(handoff.exitCode()).as(handoff.err()).isZero();

        assertThat(login(bob, "bob", PASSWORD).exitCode()).isZero();
        var bobsDocker = bob.shell("bash", "eval \"$(hm env " + MACHINE + ")\" && docker ps -q");
        assertThat(bobsDocker.exitCode()).as(bobsDocker.err()).isZero();

        // Alice's shell still holds the env and the certificate she had before: the daemon no longer trusts them
        var alicesDocker = alice.shell("bash", aliceEnvBeforeHandOff + "\ndocker ps -q");
        assertThat(alicesDocker.exitCode()).isNotZero();
        assertThat(alicesDocker.err()).containsAnyOf("certificate", "tls", "TLS");
    }

    @Test
    @Order(7)
    void lifecycleVerbsWaitForTheMachineAndADriversRefusalIsOneLine() {
        var stop = bob.hm("stop", MACHINE);
        assertThat(stop.exitCode()).isEqualTo(1);
        assertThat(stop.err()).contains("The generic driver cannot stop a machine").hasLineCount(1);

        var restart = bob.hm("restart", MACHINE);
        assertThat(restart.exitCode()).as(restart.err()).isZero();
        assertThat(bob.hm("status", MACHINE).out()).isEqualTo("Running\n");
        var afterReboot = bob.shell("bash", "eval \"$(hm env " + MACHINE + ")\" && docker ps -q");
        assertThat(afterReboot.exitCode()).as(afterReboot.err()).isZero();

        // a none machine: the daemon cli-1 runs, adopted as it is
        var created = bob.hm("create", "-d", "none", "--url", "tcp://" + HOST_IP + ":2376", "cli-none");
        assertThat(created.exitCode()).as(created.err()).isZero();
        var stopNone = bob.hm("stop", "cli-none");
        assertThat(stopNone.exitCode()).as(stopNone.err()).isZero();
        assertThat(bob.hm("status", "cli-none").out()).isEqualTo("Stopped\n");
        var startNone = bob.hm("start", "cli-none");
        assertThat(startNone.exitCode()).as(startNone.err()).isZero();
        assertThat(bob.hm("status", "cli-none").out()).isEqualTo("Running\n");

        var rm = bob.hm("rm", "-y", MACHINE);
        assertThat(rm.exitCode()).as(rm.err()).isZero();
        var gone = bob.hm("status", MACHINE);
        assertThat(gone.exitCode()).isEqualTo(1);
        assertThat(gone.err()).startsWith("Host does not exist: \"" + MACHINE + "\"");
    }

    @Test
    @Order(8)
    void theBadPathsEachSayWhatHappenedInOneLine() {
        var unknown = bob.hm("env", "no-such-machine");
        assertThat(unknown.exitCode()).isEqualTo(1);
        assertThat(unknown.err()).startsWith("Host does not exist: \"no-such-machine\"").hasLineCount(1);

        // Carol is not in the team: the machine does not exist for her, exactly like an unknown one
        assertThat(login(carol, "carol", PASSWORD).exitCode()).isZero();
        var noAccess = carol.hm("env", "cli-none");
        assertThat(noAccess.exitCode()).isEqualTo(1);
        assertThat(noAccess.err()).startsWith("Host does not exist: \"cli-none\"").hasLineCount(1);

        // an expired token
        platform.jdbc().sql("UPDATE sec_api_token SET expires_at = now() - interval '1 minute' "
                + "WHERE name = 'hm on carol-laptop'").update();
        var expired = carol.hm("ls");
        assertThat(expired.exitCode()).isEqualTo(1);
        assertThat(expired.err()).isEqualTo("Your login to " + platform.baseUrl() + " is no longer valid (token "
                + "'hm on carol-laptop' expired or was revoked). Run: hm login " + platform.baseUrl() + "\n");

        // the server is down
        var down = bob.with("HM_URL", "http://127.0.0.1:9").hm("ls");
        bob.with("HM_URL", "");
        assertThat(down.exitCode()).isEqualTo(1);
        assertThat(down.err()).startsWith("Cannot reach Harbormaster at http://127.0.0.1:9: ").hasLineCount(1);
    }

    @Test
    @Order(9)
    void logoutRevokesTheTokenOnTheServer() {
        var logout = bob.hm("logout");

        assertThat(logout.exitCode()).isZero();
        assertThat(platform.jdbc().sql("SELECT revoked_at IS NOT NULL FROM sec_api_token WHERE name = 'hm on bob-laptop'")
                .query(Boolean.class).single()).isTrue();
        var after = bob.hm("ls");
        assertThat(after.exitCode()).isEqualTo(1);
        assertThat(after.err()).startsWith("Not logged in.");
    }
}
