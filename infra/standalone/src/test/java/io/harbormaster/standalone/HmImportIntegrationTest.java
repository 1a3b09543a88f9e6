package io.harbormaster.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import io.harbormaster.api.machine.MachineId;
import io.harbormaster.command.secret.SecretPath;
import io.harbormaster.command.secret.SecretStore;
import io.harbormaster.testing.DockerMachineStoreWriter;
import io.harbormaster.testing.TestHost;
import io.harbormaster.testing.TestHosts;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * {@code hm import} end to end. Alice's old laptop had docker-machine 0.16 manage a test host: the store is written
 * here as docker-machine writes it (its CA, server and client certificates, config.json with absolute paths) and the
 * host's dockerd is configured with those certificates as docker-machine configures it (DOCKER_OPTS with
 * {@code --tlsverify} on 2376), then the whole home is moved, as when it was copied to a new laptop. Alice imports the
 * store with the built {@code hm}; Bob, who never saw it, uses the machine with the real {@code docker} client
 * through {@code hm env}; a rotation gives it a CA of its own, installed over SSH with the imported key. Nothing
 * secret ends up in an event, a table or a log line.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@ExtendWith(OutputCaptureExtension.class)
class HmImportIntegrationTest {

    private static final String PASSWORD = "hm-import-password-for-tests";
    private static final String HOST_IP = "10.213.0.210";
    /** The amazonec2 machine's address: nothing answers there (its cloud host is not ours to start). */
    private static final String CLOUD_IP = "10.213.0.212";
    private static final String WEB_URL = "tcp://" + HOST_IP + ":2376";
    private static final String SECRET_KEY = "wJalrXUtnFEMI/K7MDENG-import-test-secret";
    private static final String ACCESS_KEY = "AKIAIMPORTTESTACCESS";
    private static final StringBuilder LOG = new StringBuilder();
    private static final List<HmWorkstation.Run> RUNS = new ArrayList<>();

    @TempDir
    static Path workspace;

    private static RunningPlatform platform;
    private static TestHost host;
    private static Path sshKey;
    private static DockerMachineStoreWriter store;
    private static Path movedStore;
    private static HmWorkstation alice;
    private static HmWorkstation bob;
    private static HmWorkstation vic;

    @BeforeAll
    static void start() throws Exception {
        Assumptions.assumeTrue(TestHosts.available(), () -> "test hosts unavailable: " + TestHosts.unavailableReason());
        sshKey = TestHostMachines.newKey(workspace, "id_ed25519");
        host = TestHosts.up("imp-web", HOST_IP, TestHostMachines.publicKey(sshKey));
        // the old laptop: docker-machine create -d generic --generic-ip-address … --engine-label team=blue imp-web
        var oldHome = Files.createDirectories(workspace.resolve("old-laptop/home/alice"));
        store = DockerMachineStoreWriter.create(oldHome.resolve(".docker/machine"), "alice");
        var engine = new DockerMachineStoreWriter.Engine(List.of(), List.of("team=blue"), List.of(), List.of(),
                List.of(), "", "https://get.docker.com", List.of());
        var web = store.generic("imp-web", HOST_IP, "root", 22, sshKey, engine);
        store.generic("imp-broken", "10.213.0.211", "root", 22, sshKey, engine);
        var broken = store.store().resolve("machines/imp-broken/server.pem");
        Files.writeString(broken, Files.readString(broken).substring(0, 300));
        store.driver("amazonec2", "imp-cloud", CLOUD_IP, Map.of("AccessKey", ACCESS_KEY, "SecretKey", SECRET_KEY,
                "Region", "eu-west-1", "InstanceType", "t3.small"));
        configureDaemonAsDockerMachineDid(web.server());
        var oldStore = store.store();
        var dockerMachineEnv = "DOCKER_HOST=" + WEB_URL + " DOCKER_TLS_VERIFY=1 DOCKER_CERT_PATH="
                + oldStore.resolve("machines/imp-web");

        platform = RunningPlatform.startOnFreshDatabase("--harbormaster.reconciler.interval=2s");
        var admin = platform.admin();
        var team = admin.post("/api/teams", "{\"name\":\"imp-team\"}").text("teamId");
        for (var user : List.of("alice:MEMBER", "bob:MEMBER", "vic:VIEWER")) {
            var name = user.substring(0, user.indexOf(':'));
            var id = admin.post("/api/users", "{\"username\":\"%s\",\"displayName\":\"%s\"}".formatted(name, name))
                    .text("userId");
            admin.put("/api/users/" + id + "/password", "{\"password\":\"" + PASSWORD + "\"}");
            admin.post("/api/teams/" + team + "/members", "{\"userId\":\"%s\",\"role\":\"%s\"}"
                    .formatted(id, user.substring(user.indexOf(':') + 1)));
        }
        alice = new HmWorkstation(Files.createDirectories(workspace.resolve("alice-laptop")));
        bob = new HmWorkstation(Files.createDirectories(workspace.resolve("bob-laptop")));
        vic = new HmWorkstation(Files.createDirectories(workspace.resolve("vic-laptop")));
        // docker-machine's own client works against the host before the move…
        var before = alice.shell("bash", dockerMachineEnv + " docker version --format '{{.Server.Version}}'");
        assertThat(before.exitCode()).as(before.err()).isZero();
        // …then the home moves to the new laptop: every path in config.json now names nothing
        Files.move(oldHome.resolve(".docker"), alice.home().resolve(".docker"));
        movedStore = alice.home().resolve(".docker/machine");
        assertThat(Files.readString(movedStore.resolve("machines/imp-web/config.json")))
                .contains(oldStore.resolve("certs/ca.pem").toString());
        assertThat(oldStore).doesNotExist();
        for (var user : List.of(alice, bob, vic)) {
            var name = user.home().getFileName().toString().replace("-laptop", "");
            assertThat(hmWithInput(user, PASSWORD + "\n", "login", platform.baseUrl(), "-u", name, "--password-stdin")
                    .exitCode()).isZero();
        }
    }

    /** As docker-machine's ConfigureAuth: certificates in /etc/docker, its flags in DOCKER_OPTS, dockerd started. */
    private static void configureDaemonAsDockerMachineDid(io.harbormaster.testing.DockerMachineCertificates.Pair server)
            throws Exception {
        put("/etc/docker/ca.pem", store.ca().certificatePem());
        put("/etc/docker/server.pem", server.certificatePem());
        put("/etc/docker/server-key.pem", server.keyPem());
        put("/etc/default/docker", """
                DOCKER_OPTS='
                -H tcp://0.0.0.0:2376
                -H unix:///var/run/docker.sock
                --storage-driver overlay2
                --tlsverify
                --tlscacert /etc/docker/ca.pem
                --tlscert /etc/docker/server.pem
                --tlskey /etc/docker/server-key.pem
                --label team=blue
                --label provider=generic
                '
                """);
        var started = host.exec("service", "docker", "start");
        assertThat(started.exitCode()).as(started.stderr()).isZero();
        var deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (host.exec("docker", "version").exitCode() != 0 && System.nanoTime() < deadline) {
            TestHostMachines.pause(Duration.ofMillis(200));
        }
    }

    private static void put(String path, String content) throws Exception {
        var file = Files.writeString(Files.createTempFile(workspace, "put", ".txt"), content);
        var result = host.execWithInput(file, "sh", "-c", "cat > " + path);
        assertThat(result.exitCode()).as(result.stderr()).isZero();
    }

    @AfterEach
    void keepTheLog(CapturedOutput output) {
        LOG.append(output.getAll());
    }

    @AfterAll
    static void stop() {
        TestHostMachines.stopAll(platform, host == null ? List.of() : List.of(host));
    }

    private static HmWorkstation.Run hmWithInput(HmWorkstation user, String stdin, String... args) {
        var run = user.hmWithInput(stdin, args);
        RUNS.add(run);
        return run;
    }

    private static HmWorkstation.Run hm(HmWorkstation user, String... args) {
        return hmWithInput(user, "", args);
    }

    @Test
    @Order(1)
    void aDryRun_saysWhatWouldComeIn_andWhyNot_andWritesNothing() {
        var run = hm(alice, "import", "--dry-run");

        assertThat(run.exitCode()).as(run.err()).isEqualTo(1);
        assertThat(run.out()).isEqualTo("""
                would skip imp-broken: machines/imp-broken/server.pem is not PEM text (no complete BEGIN/END block); \
                a certificate was expected
                would import imp-cloud (none, tcp://%s:2376; was amazonec2)
                  note: an existing daemon now: the platform has no amazonec2 driver, so it uses the daemon at \
                tcp://%s:2376 and never starts, stops, provisions or removes the amazonec2 host
                would import imp-web (generic, %s)
                """.formatted(CLOUD_IP, CLOUD_IP, WEB_URL));
        assertThat(importedEvents()).isZero();
        assertThat(platform.bean(SecretStore.class).list(SecretPath.machines())).isEmpty();
    }

    @Test
    @Order(2)
    void aViewerMayNotImport() {
        var run = hm(vic, "import", "-s", movedStore.toString(), "imp-web");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).startsWith("You are a VIEWER in team ").hasLineCount(1);
        assertThat(importedEvents()).isZero();
    }

    @Test
    @Order(3)
    void theImport_bringsInTheGenericMachineAndTheExistingDaemon_andTheReconcilerSeesThemAsTheyAre() {
        var run = hm(alice, "import", "imp-web", "imp-cloud");

        assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
        assertThat(run.out()).startsWith("imported imp-web (generic, " + WEB_URL + ")\nimported imp-cloud (none, tcp://"
                + CLOUD_IP + ":2376; was amazonec2)\n");
        TestHostMachines.await(() -> platform.admin().get("/api/machines/by-name?name=imp-web"),
                response -> "Running".equals(response.text("state")), Duration.ofSeconds(30));
        var ls = hm(alice, "ls", "--format", "{{.Name}} {{.DriverName}} {{.State}} {{.URL}}");
        assertThat(ls.out()).contains("imp-web generic Running " + WEB_URL + "\n")
                .contains("imp-cloud none ");
        var history = hm(alice, "history", "imp-web");
        assertThat(history.out()).contains("imported from docker-machine on alice-laptop (" + movedStore
                + ", driver generic) as generic at " + WEB_URL + ", held by alice");
    }

    @Test
    @Order(4)
    void bobWhoNeverSawTheStore_usesTheMachineWithTheRealDockerClient() {
        var version = host.exec("docker", "version", "--format", "{{.Server.Version}}").stdout().strip();

        var docker = bob.shell("bash", "eval \"$(hm env imp-web)\" && docker version --format "
                + "'{{.Server.Version}}' && docker ps -q && docker info --format '{{.Labels}}'");

        assertThat(docker.exitCode()).as(docker.err()).isZero();
        assertThat(docker.out()).startsWith(version + "\n").contains("team=blue");
    }

    @Test
    @Order(5)
    void importingTheSameMachineAgain_isRefused_andABrokenOneLeavesNothingBehind() {
        var again = hm(alice, "import", "imp-web");
        assertThat(again.exitCode()).isEqualTo(1);
        assertThat(again.out()).isEqualTo("skipped imp-web: The Docker daemon at " + WEB_URL + " is already managed "
                + "by this platform: it is machine 'imp-web' of team imp-team. Nothing was imported.\n");

        var broken = hm(alice, "import", "imp-broken");
        assertThat(broken.exitCode()).isEqualTo(1);
        assertThat(broken.out()).startsWith("skipped imp-broken: machines/imp-broken/server.pem is not PEM text");
        var status = hm(alice, "status", "imp-broken");
        assertThat(status.exitCode()).isEqualTo(1);
        assertThat(status.err()).startsWith("Host does not exist: \"imp-broken\"");
        assertThat(importedEvents()).isEqualTo(2);
        assertThat(platform.bean(SecretStore.class).list(SecretPath.machines())).hasSize(2);
    }

    @Test
    @Order(6)
    void theCaKeyAndSshKeyAreInTheSecretStore_andInNoEventTableOrLogLine() throws Exception {
        var web = MachineId.of(platform.admin().get("/api/machines/by-name?name=imp-web").text("id"));
        var secrets = platform.bean(SecretStore.class);
        var tls = secrets.read(SecretPath.machineTls(web)).orElseThrow();
        var storedCaKey = KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getMimeDecoder()
                .decode(tls.value("ca-key.pem").replaceAll("-----[A-Z ]+-----", ""))));
        assertThat(storedCaKey.getEncoded()).isEqualTo(store.ca().key().getEncoded());
        var ssh = secrets.read(SecretPath.machineSsh(web)).orElseThrow();
        assertThat(ssh.value("public-key").split(" ")[1])
                .isEqualTo(TestHostMachines.read(TestHostMachines.publicKey(sshKey)).split(" ")[1]);

        var forbidden = List.of(TestHostMachines.bodySlice(store.ca().keyPem()),
                TestHostMachines.bodySlice(tls.value("ca-key.pem")), TestHostMachines.bodySlice(tls.value(
                        "server-key.pem")), TestHostMachines.bodySlice(TestHostMachines.read(sshKey)),
                TestHostMachines.bodySlice(ssh.value("private-key")), TestHostMachines.bodySlice(store.client().keyPem()),
                SECRET_KEY, ACCESS_KEY, "PRIVATE KEY");
        var jdbc = platform.jdbc();
        var events = String.join("\n", jdbc.sql("SELECT convert_from(payload, 'UTF8') || convert_from(meta_data, "
                + "'UTF8') FROM domain_event_entry").query(String.class).list());
        var tables = new StringBuilder();
        for (var table : jdbc.sql("SELECT table_name FROM information_schema.tables WHERE table_schema = "
                + "current_schema() AND table_type = 'BASE TABLE'").query(String.class).list()) {
            jdbc.sql("SELECT t::text FROM " + table + " t").query(String.class).list().forEach(tables::append);
        }
        var printed = new StringBuilder(LOG);
        RUNS.forEach(run -> printed.append(run.out()).append(run.err()));
        assertThat(events).contains("\"importedFrom\":{\"workstation\":\"alice-laptop\"", "\"Region\":\"eu-west-1\"");
        for (var secret : forbidden) {
            assertThat(events).as("events").doesNotContain(secret);
            assertThat(tables).as("tables").doesNotContain(secret);
            assertThat(printed).as("log and hm's output").doesNotContain(secret);
        }
    }

    @Test
    @Order(7)
    void aRotation_movesTheMachineToACaOfItsOwn_installedOverSshWithTheImportedKey_andDockerStillWorks() {
        var before = platform.admin().get("/api/machines/by-name?name=imp-web").text("caFingerprint");

        var rotate = hm(alice, "regenerate-certs", "-f", "--client-certs", "imp-web");

        assertThat(rotate.exitCode()).as(rotate.out() + rotate.err()).isZero();
        assertThat(rotate.out()).contains("Machine \"imp-web\" has new certificates and a new CA");
        var machine = platform.admin().get("/api/machines/by-name?name=imp-web");
        assertThat(machine.text("caFingerprint")).isNotEqualTo(before);
        var docker = bob.shell("bash", "eval \"$(hm env imp-web)\" && docker ps -q && docker info --format "
                + "'{{.Labels}}'");
        assertThat(docker.exitCode()).as(docker.err()).isZero();
        assertThat(docker.out()).contains("team=blue", "provider=harbormaster");
        // docker-machine's own certificates, from the moved store, no longer open the daemon
        var old = alice.shell("bash", "DOCKER_HOST=" + WEB_URL + " DOCKER_TLS_VERIFY=1 DOCKER_CERT_PATH="
                + movedStore.resolve("machines/imp-web") + " docker ps -q");
        assertThat(old.exitCode()).isNotZero();
        // docker-machine's DOCKER_OPTS were moved aside, not lost; the host key was pinned on this first contact
        assertThat(host.exec("test", "-f", "/etc/default/docker.docker-machine").exitCode()).isZero();
        var history = TestHostMachines.history(platform.admin(), machine.text("id"));
        assertThat(history).anyMatch(line -> line.startsWith("SshHostKeyPinned: SSH host key of " + HOST_IP
                + " pinned: ssh-"));
        assertThat(TestHostMachines.actions(history)).containsSubsequence("MachineImported", "CertsRenewalRequested",
                "CertsRegenerated", "CertsInstalled");
    }

    @Test
    @Order(8)
    void provisioningTheImportedMachineAgain_runsEveryStepOnTheHostItTookOver() {
        var provision = hm(alice, "provision", "imp-web");

        assertThat(provision.exitCode()).as(provision.out() + provision.err()).isZero();
        var docker = bob.shell("bash", "eval \"$(hm env imp-web)\" && docker ps -q");
        assertThat(docker.exitCode()).as(docker.err()).isZero();
        var history = TestHostMachines.actions(TestHostMachines.history(platform.admin(),
                platform.admin().get("/api/machines/by-name?name=imp-web").text("id")));
        assertThat(history).containsSubsequence("MachineProvisionRequested", "ProvisioningStarted",
                "MachineProvisioned");
        assertThat(history.stream().filter("SshHostKeyPinned"::equals)).as("pinned once, on the first contact")
                .hasSize(1);
    }

    private static long importedEvents() {
        return platform.jdbc().sql("SELECT count(*) FROM domain_event_entry WHERE payload_type LIKE "
                + "'%.MachineImported'").query(Long.class).single();
    }
}
