package io.harbormaster.cli;

import static io.harbormaster.cli.HmLifecycleTest.entry;
import static org.assertj.core.api.Assertions.assertThat;

import io.harbormaster.cli.VerbServer.Answer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** create: pre-create checks (exit 3), the request, the live steps, the outcome. */
class HmCreateTest {

    private static final String TEAM = "11111111-2222-4333-8444-555555555555";
    private static final String ID = "0f0e0d0c-0b0a-4909-8807-060504030201";
    private static final String KEY = """
            -----BEGIN OPENSSH PRIVATE KEY-----
            b3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQAAAAAAAAABAAAAMwAAAAtzc2gtZW
            SECRET-KEY-MATERIAL-THAT-MUST-NOT-LEAK
            -----END OPENSSH PRIVATE KEY-----
            """;

    private final VerbServer server = new VerbServer();
    private final Map<String, String> signedIn = Map.of("HM_URL", server.url(), "HM_TOKEN", "t0k3n");

    @TempDir
    Path home;

    @AfterEach
    void stop() {
        server.close();
    }

    private void oneTeam() {
        server.on("GET", "/api/me", Answer.json("""
                {"userId":"u","username":"alice","teams":[{"teamId":"%s","name":"platform","role":"OPERATOR"}]}"""
                .formatted(TEAM)));
    }

    private void accepted() {
        server.on("POST", "/api/machines", Answer.accepted(ID, "c-create"));
    }

    private JsonNode createBody() {
        return JsonMapper.builder().build().readTree(server.requests("POST", "/api/machines").getFirst().body());
    }

    private static final VerbServer.Event[] PROVISIONING = {
            entry("1", "MachineCreated", "created with driver generic, held by alice", "c-create",
                    HmLifecycleTest.AFTER, "Creating"),
            entry("2", "ProvisioningStarted", "provisioning started on ubuntu", "c-create", HmLifecycleTest.AFTER,
                    "Provisioning"),
            entry("3", "ProvisioningStepCompleted", "provisioning step 1/6 done: detect-os", "c-create",
                    HmLifecycleTest.AFTER, "Provisioning"),
            entry("4", "ProvisioningStepCompleted", "provisioning step 2/6 done: install-docker", "c-create",
                    HmLifecycleTest.AFTER, "Provisioning"),
            entry("5", "ProvisioningStepCompleted", "provisioning step 3/6 done: push-certs", "c-create",
                    HmLifecycleTest.AFTER, "Provisioning"),
            entry("6", "ProvisioningStepCompleted", "provisioning step 4/6 done: configure-daemon", "c-create",
                    HmLifecycleTest.AFTER, "Provisioning"),
            entry("7", "ProvisioningStepCompleted", "provisioning step 5/6 done: restart-docker", "c-create",
                    HmLifecycleTest.AFTER, "Provisioning"),
            entry("8", "ProvisioningStepCompleted", "provisioning step 6/6 done: verify", "c-create",
                    HmLifecycleTest.AFTER, "Provisioning"),
            entry("9", "MachineProvisioned", "provisioned; Docker Engine at tcp://10.0.0.5:2376", "c-create",
                    HmLifecycleTest.AFTER, "Running")};

    @Test
    void aHostWhoseSshdWouldNotTrustTheSshUserCa_isAWarning_andTheCreationGoesOn() throws IOException {
        oneTeam();
        accepted();
        var events = new java.util.ArrayList<>(java.util.List.of(PROVISIONING));
        // reported within push-certs, before the step is done
        events.add(4, entry("41", "SshUserCaInstallFailed", "the host's sshd could not be made to trust the SSH "
                + "user CA: sshd -t refused the configuration", "c-create", HmLifecycleTest.AFTER, "Provisioning"));
        server.on("GET", "/api/machines/" + ID + "/events", Answer.events(5, events.toArray(VerbServer.Event[]::new)));
        var key = Files.writeString(home.resolve("id_ed25519"), KEY);

        var result = Hm.run(signedIn, "create", "-d", "generic", "--generic-ip-address", "10.0.0.5",
                "--generic-ssh-key", key.toString(), "web-1");

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out()).contains("""
                Installing Docker...
                Warning: the host's sshd could not be made to trust the SSH user CA: sshd -t refused the \
                configuration; hm ssh and hm scp will not work until that is fixed and the machine provisioned again.
                Copying certs to the remote machine...
                """).contains("Docker is up and running!");
    }

    @Test
    void createsAGenericMachineAndShowsTheStepsInOrder() throws IOException {
        oneTeam();
        accepted();
        server.on("GET", "/api/machines/" + ID + "/events", Answer.events(5, PROVISIONING));
        var key = Files.writeString(home.resolve("id_ed25519"), KEY);

        var result = Hm.run(signedIn, "create", "-d", "generic", "--generic-ip-address", "10.0.0.5",
                "--generic-ssh-user", "ubuntu", "--generic-ssh-key", key.toString(), "--generic-ssh-port", "2222",
                "web-1");

        assertThat(result.err()).isEmpty();
        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).isEqualTo("""
                Running pre-create checks...
                Creating machine...
                Provisioning with ubuntu...
                Detecting the provisioner...
                Installing Docker...
                Copying certs to the remote machine...
                Setting Docker configuration on the remote daemon...
                Restarting Docker...
                Checking connection to Docker...
                Docker is up and running!
                Machine "web-1" is at tcp://10.0.0.5:2376
                To see how to connect your Docker Client to the Docker Engine running on this virtual machine, \
                run: hm env web-1
                """);
        var body = createBody();
        assertThat(body.path("team").stringValue()).isEqualTo(TEAM);
        assertThat(body.path("name").stringValue()).isEqualTo("web-1");
        assertThat(body.path("driver").stringValue()).isEqualTo("generic");
        assertThat(body.path("driverOptions").toString())
                .isEqualTo("{\"ip-address\":\"10.0.0.5\",\"ssh-user\":\"ubuntu\",\"ssh-port\":\"2222\"}");
        assertThat(body.path("sshKey").stringValue()).isEqualTo(KEY);
        assertThat(body.has("engineOptions")).isFalse();
        assertThat(server.requests("GET", ".*/events").getFirst().query()).isEqualTo("after=0");
    }

    @Test
    void theKeyTravelsOnlyInTheCreateBody() throws IOException {
        oneTeam();
        accepted();
        server.on("GET", "/api/machines/" + ID + "/events", Answer.events(0, PROVISIONING));
        var key = Files.writeString(home.resolve("id_rsa"), KEY);

        var result = Hm.run(signedIn, "create", "-d", "generic", "--generic-ip-address", "10.0.0.5",
                "--generic-ssh-key", key.toString(), "web-1");

        assertThat(result.out() + result.err()).doesNotContain("SECRET-KEY-MATERIAL");
        for (var request : server.requests) {
            boolean create = request.method().equals("POST") && request.path().equals("/api/machines");
            assertThat(request.body().contains("SECRET-KEY-MATERIAL")).as(request.toString()).isEqualTo(create);
            assertThat(request.uri().toString()).doesNotContain("SECRET");
        }
    }

    @Test
    void atATerminalTheStepsCountUp() {
        oneTeam();
        accepted();
        server.on("GET", "/api/machines/" + ID + "/events", Answer.events(0, PROVISIONING));

        var result = HmTerminal.run(signedIn, "", "create", "-d", "generic", "--generic-ip-address", "10.0.0.5",
                "web-1");

        assertThat(result.out()).contains("(2/6) Installing Docker...\n(3/6) Copying certs to the remote machine...\n");
        var plain = HmTerminal.run(withEnv("NO_COLOR", "1"), "", "create", "-d", "generic",
                "--generic-ip-address", "10.0.0.5", "web-1");
        assertThat(plain.out()).contains("\nInstalling Docker...\n");
    }

    @Test
    void stepsArePrintedWhileTheStreamIsStillOpen() {
        oneTeam();
        accepted();
        var seenAt = new CopyOnWriteArrayList<Long>();
        server.on("GET", "/api/machines/" + ID + "/events", Answer.events(150, PROVISIONING));

        long started = System.nanoTime();
        var out = new java.io.StringWriter() {
            @Override
            public void write(String text, int offset, int length) {
                if (text.substring(offset, offset + length).contains("Installing Docker")) {
                    seenAt.add(System.nanoTime() - started);
                }
                super.write(text, offset, length);
            }
        };
        var workstation = new Workstation(signedIn, "dev", home, new java.io.BufferedReader(new java.io.StringReader("")),
                false, java.util.Optional.empty());
        int exit = HmCommand.execute(new String[] {"create", "-d", "generic", "--generic-ip-address", "10.0.0.5",
                "web-1"}, workstation, new java.io.PrintWriter(out), new java.io.PrintWriter(new java.io.StringWriter()));
        long finished = System.nanoTime() - started;

        assertThat(exit).isZero();
        // four of the nine entries come 150 ms apart after "Installing Docker..."
        assertThat(seenAt).hasSize(1);
        assertThat(finished - seenAt.getFirst()).isGreaterThan(500_000_000L);
    }

    private Map<String, String> withEnv(String... keysAndValues) {
        var env = new HashMap<>(signedIn);
        for (int i = 0; i < keysAndValues.length; i += 2) {
            env.put(keysAndValues[i], keysAndValues[i + 1]);
        }
        return env;
    }

    @Test
    void aNoneMachineWithEngineOptionsAndANamedTeam() {
        oneTeam();
        accepted();
        server.on("GET", "/api/machines/" + ID + "/events", Answer.events(0,
                entry("1", "MachineProvisioned", "provisioned; Docker Engine at tcp://10.0.0.6:2376", "c-create",
                        HmLifecycleTest.AFTER, "Running")));

        var result = Hm.run(signedIn, "create", "--driver", "none", "--url", "tcp://10.0.0.6:2376", "--team",
                "platform", "--engine-opt", "log-level=debug", "--engine-label", "env=prod", "--engine-label",
                "tier=web", "--engine-install-url", "https://get.docker.com", "--tls-san", "legacy.example.com",
                "legacy-1");

        assertThat(result.exitCode()).isZero();
        var body = createBody();
        assertThat(body.path("driverOptions").toString()).isEqualTo("{\"url\":\"tcp://10.0.0.6:2376\"}");
        assertThat(body.has("sshKey")).isFalse();
        assertThat(body.path("engineOptions").toString()).isEqualTo("{\"flags\":[\"log-level=debug\"],"
                + "\"labels\":[\"env=prod\",\"tier=web\"],\"installUrl\":\"https://get.docker.com\","
                + "\"tlsSans\":[\"legacy.example.com\"]}");
    }

    @Test
    void theDriverMayComeFromMachineDriverAsInDockerMachine() {
        oneTeam();
        accepted();

        var result = Hm.run(withEnv("MACHINE_DRIVER", "none"), "create", "--url", "tcp://10.0.0.6:2376", "--no-wait",
                "legacy-1");

        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).isEqualTo("""
                Running pre-create checks...
                Creating machine...
                Machine "legacy-1" is being created; not waiting for it (hm status legacy-1 shows how it goes).
                """);
        assertThat(createBody().path("driver").stringValue()).isEqualTo("none");
    }

    @Test
    void aFailedProvisioningExits1WithTheReason() {
        oneTeam();
        accepted();
        server.on("GET", "/api/machines/" + ID + "/events", Answer.events(0,
                entry("1", "ProvisioningStarted", "provisioning started on ubuntu", "c-create", HmLifecycleTest.AFTER,
                        "Provisioning"),
                entry("2", "ProvisioningFailed", "provisioning failed at install-docker: apt-get exited with 100",
                        "c-create", HmLifecycleTest.AFTER, "Error")));

        var result = Hm.run(signedIn, "create", "-d", "generic", "--generic-ip-address", "10.0.0.5", "web-1");

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.out()).endsWith("Creating machine...\nProvisioning with ubuntu...\n");
        assertThat(result.err()).isEqualTo("Error creating machine: provisioning failed at install-docker: apt-get "
                + "exited with 100. Retry with hm provision web-1, or remove it with hm rm web-1\n");
    }

    @Test
    void preCreateChecksExit3BeforeAskingTheServer() throws IOException {
        var publicKey = Files.writeString(home.resolve("id_rsa.pub"), "ssh-ed25519 AAAAC3Nza alice@laptop\n");
        var notAKey = Files.writeString(home.resolve("notes.txt"), "hello\n");
        var cases = Map.of(
                List.of("create", "-d", "generic", "--generic-ip-address", "10.0.0.5", "web_1"),
                "Error creating machine: Invalid hostname specified. Allowed hostname chars are: 0-9a-zA-Z . -\n",
                List.of("create", "-d", "generic", "-web"),
                "",
                List.of("create", "--generic-ip-address", "10.0.0.5", "web-1"),
                "Error creating machine: no driver given. Use -d generic (an existing host, over SSH) or -d none "
                        + "(an existing Docker daemon, with --url)\n",
                List.of("create", "-d", "generic", "web-1"),
                "Error setting machine configuration from flags provided: generic driver requires the "
                        + "--generic-ip-address option\n",
                List.of("create", "-d", "none", "web-1"),
                "Error setting machine configuration from flags provided: --url option is required when no driver is "
                        + "selected\n",
                List.of("create", "-d", "generic", "--generic-ip-address", "10.0.0.5", "--generic-ssh-key",
                        home.resolve("missing").toString(), "web-1"),
                "Error with pre-create check: \"SSH key does not exist: \\\"" + home.resolve("missing") + "\\\"\"\n",
                List.of("create", "-d", "generic", "--generic-ip-address", "10.0.0.5", "--generic-ssh-key",
                        publicKey.toString(), "web-1"),
                "Error with pre-create check: \"SSH key " + publicKey + " is a public key; give the private key (the "
                        + "file without .pub)\"\n",
                List.of("create", "-d", "generic", "--generic-ip-address", "10.0.0.5", "--generic-ssh-key",
                        notAKey.toString(), "web-1"),
                "Error with pre-create check: \"SSH key " + notAKey + " is not a private key in OpenSSH or PEM "
                        + "format\"\n",
                List.of("create", "-d", "generic", "--generic-ip-address", "10.0.0.5", "--engine-label", "prod",
                        "web-1"),
                "Error creating machine: --engine-label takes KEY=VALUE; got 'prod'\n",
                List.of("create", "-d", "generic", "--generic-ip-address", "10.0.0.5", "--generic-ssh-port", "70000",
                        "web-1"),
                "Error creating machine: --generic-ssh-port must be a port from 1 to 65535; got 70000\n");
        for (var entry : cases.entrySet()) {
            var result = Hm.run(signedIn, entry.getKey().toArray(String[]::new));
            if (entry.getValue().isEmpty()) {
                // "-web" reads as an option to picocli: a usage error, as docker-machine's flag parser would say
                assertThat(result.exitCode()).as(entry.getKey().toString()).isEqualTo(2);
                continue;
            }
            assertThat(result.exitCode()).as(entry.getKey().toString()).isEqualTo(3);
            assertThat(result.err()).as(entry.getKey().toString()).isEqualTo(entry.getValue());
        }
        assertThat(server.requests).isEmpty();
    }

    @Test
    void withoutANameIsDockerMachinesError() {
        var result = Hm.run(signedIn, "create", "-d", "generic");

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err()).isEqualTo("Error: No machine name specified\n");
    }

    @Test
    void severalTeamsWithoutTeamIsAPreCreateFailureListingThem() {
        server.on("GET", "/api/me", Answer.json("""
                {"teams":[{"teamId":"%s","name":"platform","role":"OPERATOR"},\
                {"teamId":"21111111-2222-4333-8444-555555555555","name":"qa","role":"ADMIN"}]}""".formatted(TEAM)));

        var result = Hm.run(signedIn, "create", "-d", "generic", "--generic-ip-address", "10.0.0.5", "web-1");

        assertThat(result.exitCode()).isEqualTo(3);
        assertThat(result.err()).isEqualTo("Error creating machine: choose the team with --team; your teams: "
                + "platform (operator), qa (admin).\n");
        assertThat(server.requests("POST", ".*")).isEmpty();
    }

    @Test
    void aTakenNameIsTheServersWordsAndExit3() {
        oneTeam();
        server.on("POST", "/api/machines", Answer.problem(409,
                "A machine named 'web-1' already exists in this team. Choose another name, or remove the existing "
                        + "machine first."));

        var result = Hm.run(signedIn, "create", "-d", "generic", "--generic-ip-address", "10.0.0.5", "web-1");

        assertThat(result.exitCode()).isEqualTo(3);
        assertThat(result.err()).isEqualTo("A machine named 'web-1' already exists in this team. Choose another "
                + "name, or remove the existing machine first.\n");
    }

    @Test
    void aRefusedRequestIsExit3AndOtherFailuresExit1() {
        oneTeam();
        server.on("POST", "/api/machines", Answer.problem(422,
                "'10.0.0.5:22' is neither an IP address nor a host name."));

        assertThat(Hm.run(signedIn, "create", "-d", "generic", "--generic-ip-address", "10.0.0.5:22", "web-1")
                .exitCode()).isEqualTo(3);

        server.on("POST", "/api/machines", Answer.problem(403, "Viewers may not create machines in team platform."));
        var viewer = Hm.run(signedIn, "create", "-d", "generic", "--generic-ip-address", "10.0.0.5", "web-1");
        assertThat(viewer.exitCode()).isEqualTo(1);
        assertThat(viewer.err()).isEqualTo("Viewers may not create machines in team platform.\n");
    }

    @Test
    void createHelpNamesTheDriversFlags() {
        var help = Hm.run(Map.of(), "create", "--help").out();

        assertThat(help).contains("--generic-ip-address", "--generic-ssh-key", "--url", "--engine-opt",
                "--engine-label", "--engine-install-url", "--tls-san", "--team", "--no-wait", "Examples:");
    }
}
