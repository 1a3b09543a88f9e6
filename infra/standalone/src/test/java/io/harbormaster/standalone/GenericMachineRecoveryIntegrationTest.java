package io.harbormaster.standalone;

import static io.harbormaster.standalone.TestHostMachines.actions;
import static io.harbormaster.standalone.TestHostMachines.await;
import static io.harbormaster.standalone.TestHostMachines.awaitSettled;
import static io.harbormaster.standalone.TestHostMachines.bodySlice;
import static io.harbormaster.standalone.TestHostMachines.createRequest;
import static io.harbormaster.standalone.TestHostMachines.history;
import static io.harbormaster.standalone.TestHostMachines.newKey;
import static io.harbormaster.standalone.TestHostMachines.publicKey;
import static io.harbormaster.standalone.TestHostMachines.read;
import static org.assertj.core.api.Assertions.assertThat;

import io.harbormaster.testing.TestHost;
import io.harbormaster.testing.TestHosts;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * Generic machines on real hosts after something went wrong. {@code provision} is the way back from a failed
 * provisioning: once the host is there, or once it accepts the machine's key, the same machine (same id, same name,
 * its history kept) reaches Running and the real {@code docker} client works against it. A host replaced by one with
 * another SSH host key at the same address is refused, by {@code regenerate-certs} and by {@code provision} alike,
 * with a reason that names both fingerprints and says what to check; the pinned key stays as it was and the machine
 * keeps its history, until the key checked on the host is pinned through the API and provisioning brings it back.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class GenericMachineRecoveryIntegrationTest {

    /** Where no host runs when the machine is created; its host comes up later. */
    private static final String LATE_IP = "10.213.0.101";
    /** A host that does not know the machine's key at first. */
    private static final String LOCKED_IP = "10.213.0.102";
    /** A host that is replaced by another one, with other SSH host keys, at the same address. */
    private static final String REPLACED_IP = "10.213.0.103";
    private static final Duration SETTLES_WITHIN = Duration.ofSeconds(90);
    private static final Pattern FINGERPRINT = Pattern.compile("SHA256:[A-Za-z0-9+/]{43}");

    @TempDir
    static Path workstation;

    private static final List<TestHost> hosts = Collections.synchronizedList(new ArrayList<>());
    private static RunningPlatform platform;
    private static ApiClient admin;
    private static String team;
    private static Path authorized;
    private static Path stranger;

    @BeforeAll
    static void start() {
        Assumptions.assumeTrue(TestHosts.available(), () -> "test hosts unavailable: " + TestHosts.unavailableReason());
        authorized = newKey(workstation, "rcv-authorized");
        stranger = newKey(workstation, "rcv-stranger");
        platform = RunningPlatform.startOnFreshDatabase();
        admin = platform.admin();
        team = MachineLifecycleIntegrationTest.defaultTeamId(admin);
    }

    @AfterAll
    static void stop() {
        TestHostMachines.stopAll(platform, hosts);
    }

    @Test
    @Order(1)
    void aMachineCreatedBeforeItsHostWasUp_isProvisionedByARetry_asTheSameMachine_withItsFailureKeptInItsHistory()
            throws Exception {
        var createdAt = System.nanoTime();
        var created = admin.post("/api/machines", createRequest(team, "rcv-late", LATE_IP, read(authorized)));
        assertThat(created.status()).as(created.body()).isEqualTo(202);
        var id = created.text("machineId");
        var failed = awaitSettled(admin, id, SETTLES_WITHIN);
        var toError = Duration.ofNanos(System.nanoTime() - createdAt);
        assertThat(failed.text("state")).as(history(admin, id).toString()).isEqualTo("Error");
        assertThat(failed.text("lastError")).contains("Cannot reach the SSH server at " + LATE_IP + ":22");
        var failure = history(admin, id).getLast();
        assertThat(failure).startsWith("ProvisioningFailed: provisioning failed at ssh: Cannot reach the SSH server at "
                + LATE_IP + ":22");

        hosts.add(TestHosts.up("rcv-late", LATE_IP, publicKey(authorized)));
        var retriedAt = System.nanoTime();
        var retried = admin.post("/api/machines/" + id + "/provision", null);
        assertThat(retried.status()).as(retried.body()).isEqualTo(202);
        assertThat(retried.text("machineId")).isEqualTo(id);
        assertThat(retried.location()).isEqualTo("/api/machines/" + id);

        var machine = awaitRetried(id, 1);
        var toRunning = Duration.ofNanos(System.nanoTime() - retriedAt);
        var history = history(admin, id);
        assertThat(machine.text("state")).as(history.toString()).isEqualTo("Running");
        assertThat(machine.text("id")).isEqualTo(id);
        assertThat(machine.text("name")).isEqualTo("rcv-late");
        assertThat(machine.text("dockerUrl")).isEqualTo("tcp://" + LATE_IP + ":2376");
        var lastError = machine.json().path("lastError");
        assertThat(lastError.isNull() || lastError.isMissingNode()).as("lastError %s of a machine provisioned since",
                lastError).isTrue();
        // the earlier failure stays where it happened, followed by the whole provisioning of the retry
        assertThat(actions(history)).containsExactly("MachineCreated", "ProvisioningFailed",
                "MachineProvisionRequested", "SshHostKeyPinned", "ProvisioningStarted",
                "ProvisioningStepCompleted", "ProvisioningStepCompleted", "SshUserCaInstalled",
                "ProvisioningStepCompleted", "ProvisioningStepCompleted", "ProvisioningStepCompleted",
                "ProvisioningStepCompleted", "MachineProvisioned", "CertsRegenerated");
        assertThat(history.get(1)).isEqualTo(failure);
        assertThat(history).contains("MachineProvisioned: provisioned; Docker Engine at tcp://" + LATE_IP + ":2376");
        assertThat(pinnedFingerprints(history)).containsExactly(hostKeyFingerprint(hosts.getLast()));
        // one machine of that name, not a second one made by the retry
        var listed = admin.get("/api/machines?name=rcv-late").json();
        assertThat(listed.path("total").asLong()).isEqualTo(1);
        assertThat(listed.path("items").get(0).path("id").asString()).isEqualTo(id);

        assertThat(docker(id, "rcv-late", "docker import '" + TestHosts.busyboxImage(workstation)
                + "' hm-busybox:rcv >/dev/null && docker run --rm --network none hm-busybox:rcv echo ok"))
                .isEqualTo("ok");
        System.out.printf("rcv-late: create -> Error in %d ms, provision -> Running in %d ms%n", toError.toMillis(),
                toRunning.toMillis());
    }

    @Test
    @Order(2)
    void aMachineWhoseKeyTheHostRefused_isProvisionedByARetry_onceTheHostAuthorizesTheKey() throws Exception {
        var host = TestHosts.up("rcv-locked", LOCKED_IP, publicKey(authorized));
        hosts.add(host);
        var createdAt = System.nanoTime();
        var created = admin.post("/api/machines", createRequest(team, "rcv-locked", LOCKED_IP, read(stranger)));
        assertThat(created.status()).as(created.body()).isEqualTo(202);
        var id = created.text("machineId");
        var failed = awaitSettled(admin, id, SETTLES_WITHIN);
        var toError = Duration.ofNanos(System.nanoTime() - createdAt);
        assertThat(failed.text("state")).as(history(admin, id).toString()).isEqualTo("Error");
        assertThat(history(admin, id).getLast())
                .startsWith("ProvisioningFailed: provisioning failed at ssh: ")
                .contains("The SSH server at " + LOCKED_IP + ":22 refused to log in user 'root'");

        // the owner of the host adds the machine's public key, as the failure told them
        var publicKeyLine = admin.get("/api/machines/" + id + "/ssh-public-key");
        assertThat(publicKeyLine.status()).as(publicKeyLine.body()).isEqualTo(200);
        assertThat(keyFields(publicKeyLine.body())).isEqualTo(keyFields(read(publicKey(stranger))));
        var line = workstation.resolve("rcv-locked-authorize.pub");
        Files.writeString(line, publicKeyLine.body());
        assertThat(host.execWithInput(line, "sh", "-c", "cat >> /root/.ssh/authorized_keys").succeeded()).isTrue();

        var retriedAt = System.nanoTime();
        var retried = admin.post("/api/machines/" + id + "/provision", null);
        assertThat(retried.status()).as(retried.body()).isEqualTo(202);
        var machine = awaitRetried(id, 1);
        var toRunning = Duration.ofNanos(System.nanoTime() - retriedAt);
        var history = history(admin, id);

        assertThat(machine.text("state")).as(history.toString()).isEqualTo("Running");
        assertThat(machine.text("name")).isEqualTo("rcv-locked");
        assertThat(machine.text("dockerUrl")).isEqualTo("tcp://" + LOCKED_IP + ":2376");
        assertThat(actions(history)).startsWith("MachineCreated", "ProvisioningFailed", "MachineProvisionRequested",
                "SshHostKeyPinned").endsWith("MachineProvisioned", "CertsRegenerated");
        assertThat(docker(id, "rcv-locked", "docker version --format '{{.Server.Version}}'"))
                .matches("\\d+\\.\\d+\\.\\d+.*");
        System.out.printf("rcv-locked: create -> Error in %d ms, provision -> Running in %d ms%n",
                toError.toMillis(), toRunning.toMillis());
    }

    @Test
    @Order(3)
    void aHostReplacedWithAnotherHostKey_isRefusedNamingBothFingerprints_untilTheKeyCheckedOnTheHostIsPinned()
            throws Exception {
        var original = TestHosts.up("rcv-replaced", REPLACED_IP, publicKey(authorized));
        hosts.add(original);
        var created = admin.post("/api/machines", createRequest(team, "rcv-replaced", REPLACED_IP, read(authorized)));
        assertThat(created.status()).as(created.body()).isEqualTo(202);
        var id = created.text("machineId");
        var running = awaitSettled(admin, id, SETTLES_WITHIN);
        assertThat(running.text("state")).as(history(admin, id).toString()).isEqualTo("Running");
        var pinned = hostKeyFingerprint(original);
        assertThat(pinnedFingerprints(history(admin, id))).containsExactly(pinned);

        // the host is rebuilt at the same address: same authorized key, new SSH host keys
        original.down();
        hosts.remove(original);
        var replacement = TestHosts.up("rcv-replaced", REPLACED_IP, publicKey(authorized));
        hosts.add(replacement);
        var presented = hostKeyFingerprint(replacement);
        assertThat(presented).isNotEqualTo(pinned);
        var expected = "The SSH host key of " + REPLACED_IP + ":22 has changed: it was pinned on first contact as "
                + "ssh-ed25519 " + pinned + ", but the host now presents ssh-ed25519 " + presented
                + ". Harbormaster refuses to connect";
        var whatToDo = "check on the host itself that /etc/ssh/ssh_host_ed25519_key.pub has the fingerprint "
                + presented + " (ssh-keygen -lf /etc/ssh/ssh_host_ed25519_key.pub)";

        // regenerate-certs: made, but refused on the host
        var regeneratedAt = System.nanoTime();
        var regenerated = admin.post("/api/machines/" + id + "/regenerate-certs", "{}");
        assertThat(regenerated.status()).as(regenerated.body()).isEqualTo(200);
        var version = regenerated.json().path("secretVersion").asLong();
        var installFailed = await(() -> admin.get("/api/machines/" + id + "/history?size=100"),
                r -> r.body().contains("CertsInstall"), SETTLES_WITHIN);
        var toInstallFailed = Duration.ofNanos(System.nanoTime() - regeneratedAt);
        var afterInstall = history(admin, id);
        assertThat(afterInstall.getLast()).as(installFailed.body())
                .startsWith("CertsInstallFailed: certificates (version " + version + ") could not be installed: "
                        + expected)
                .contains(whatToDo);
        assertThat(admin.get("/api/machines/" + id).text("state")).isEqualTo("Running");

        // provision: refused the same way; the machine goes to Error with that reason
        var retriedAt = System.nanoTime();
        var retried = admin.post("/api/machines/" + id + "/provision", null);
        assertThat(retried.status()).as(retried.body()).isEqualTo(202);
        var machine = awaitRetried(id, 0);
        var toError = Duration.ofNanos(System.nanoTime() - retriedAt);
        var history = history(admin, id);
        assertThat(machine.text("state")).as(history.toString()).isEqualTo("Error");
        assertThat(machine.text("lastError")).startsWith(expected).contains(whatToDo);
        assertThat(history.getLast()).startsWith("ProvisioningFailed: provisioning failed at ssh: " + expected);

        // nothing is lost and nothing is re-pinned: the same machine, its whole history, the first host key
        assertThat(machine.text("name")).isEqualTo("rcv-replaced");
        assertThat(machine.text("dockerUrl")).isEqualTo("tcp://" + REPLACED_IP + ":2376");
        assertThat(actions(history)).containsSubsequence("MachineCreated", "SshHostKeyPinned", "MachineProvisioned",
                "CertsRegenerated", "CertsRegenerated", "CertsInstallFailed", "MachineProvisionRequested",
                "ProvisioningFailed");
        var retry = actions(history).subList(actions(history).lastIndexOf("MachineProvisionRequested"),
                history.size());
        assertThat(retry).containsExactly("MachineProvisionRequested", "ProvisioningFailed");
        assertThat(actions(history)).doesNotContain("CertsInstalled")
                .filteredOn("SshHostKeyPinned"::equals).hasSize(1);
        assertThat(pinnedFingerprints(history)).containsExactly(pinned);
        assertThat(platform.jdbc().sql("SELECT fingerprint FROM cmd_machine_host_keys WHERE machine_id = ?")
                .param(UUID.fromString(id)).query(String.class).list()).containsExactly(pinned);
        // both refusals came in the key exchange, before the machine's key was offered: the new host's sshd saw no
        // login attempt at all, and nothing was installed on it
        var sshd = sshdLog(replacement);
        assertThat(sshd.lines().filter(line -> line.startsWith("Received disconnect from 10.213.0.1 ")
                && line.contains("Could not verify `ssh-ed25519` host key") && line.endsWith("[preauth]")))
                .as(sshd).hasSize(2);
        assertThat(sshd).doesNotContain("publickey").doesNotContain("user root");
        assertThat(replacement.exec("test", "-e", "/etc/docker/harbormaster").exitCode()).isNotZero();

        // the reasons hold fingerprints, never key material
        for (var secret : List.of("PRIVATE KEY", bodySlice(read(authorized)), bodySlice(read(stranger)))) {
            for (var text : List.of(String.join("\n", history), machine.body(), regenerated.body(), retried.body())) {
                assertThat(text).doesNotContain(secret);
            }
            assertThat(platform.jdbc().sql("""
                            SELECT count(*) FROM domain_event_entry
                            WHERE strpos(convert_from(payload, 'UTF8'), ?) > 0
                               OR strpos(convert_from(meta_data, 'UTF8'), ?) > 0""")
                    .param(secret).param(secret).query(Long.class).single()).as("events holding %s", secret).isZero();
        }
        System.out.printf("rcv-replaced: regenerate-certs -> CertsInstallFailed in %d ms, provision -> Error in %d ms%n",
                toInstallFailed.toMillis(), toError.toMillis());

        // the way out the refusal names: a malformed fingerprint is refused naming the field, and nothing changes;
        // the key checked on the host itself is pinned, and provision brings the same machine back to Running
        var malformed = admin.put("/api/machines/" + id + "/ssh-host-key",
                "{\"keyType\":\"ssh-ed25519\",\"fingerprint\":\"SHA256:too-short\"}");
        assertThat(malformed.status()).as(malformed.body()).isEqualTo(400);
        assertThat(malformed.body()).contains("fingerprint").contains("ssh-keygen -lf");
        var pin = admin.put("/api/machines/" + id + "/ssh-host-key",
                "{\"keyType\":\"ssh-ed25519\",\"fingerprint\":\"" + presented + "\"}");
        assertThat(pin.status()).as(pin.body()).isEqualTo(200);
        assertThat(admin.post("/api/machines/" + id + "/provision", null).status()).isEqualTo(202);
        var recovered = awaitRetried(id, 1);
        var afterPin = history(admin, id);
        assertThat(recovered.text("state")).as(afterPin.toString()).isEqualTo("Running");
        assertThat(pinnedFingerprints(afterPin)).containsExactly(pinned, presented);
        assertThat(platform.jdbc().sql("SELECT fingerprint FROM cmd_machine_host_keys WHERE machine_id = ?")
                .param(UUID.fromString(id)).query(String.class).list()).containsExactly(presented);
        assertThat(replacement.exec("test", "-e", "/etc/docker/harbormaster/ca.pem").exitCode()).isZero();
    }

    /**
     * After {@code POST .../provision}: waits until the retry has an outcome in the history (MachineProvisioned or
     * one more ProvisioningFailed than the {@code failuresBefore}), then until the machine shows it.
     */
    private static ApiClient.Response awaitRetried(String id, int failuresBefore) {
        await(() -> admin.get("/api/machines/" + id + "/history?size=100"), r -> {
            var actions = actions(history(admin, id));
            var requested = actions.lastIndexOf("MachineProvisionRequested");
            return requested >= 0 && (actions.subList(requested, actions.size()).contains("MachineProvisioned")
                    || actions.stream().filter("ProvisioningFailed"::equals).count() > failuresBefore);
        }, SETTLES_WITHIN);
        var outcome = actions(history(admin, id)).getLast();
        var state = outcome.equals("ProvisioningFailed") ? "Error" : "Running";
        return await(() -> admin.get("/api/machines/" + id), r -> state.equals(r.text("state")), SETTLES_WITHIN);
    }

    /** The type and base64 body of a public key line, without its comment. */
    private static String keyFields(String publicKeyLine) {
        var fields = publicKeyLine.strip().split("\\s+");
        return fields[0] + " " + fields[1];
    }

    /** The fingerprints of every SshHostKeyPinned in the history, oldest first. */
    private static List<String> pinnedFingerprints(List<String> history) {
        return history.stream().filter(line -> line.startsWith("SshHostKeyPinned:"))
                .map(line -> {
                    var found = FINGERPRINT.matcher(line);
                    assertThat(found.find()).as(line).isTrue();
                    return found.group();
                }).toList();
    }

    /** What the host's sshd wrote ({@code sshd -D -e} logs to the host's console log, see infra/testhosts). */
    private static String sshdLog(TestHost host) {
        var state = System.getenv().getOrDefault("HM_TESTHOSTS_STATE", "/var/lib/harbormaster-testhosts");
        return read(Path.of(state, host.name(), "console.log"));
    }

    /** The host's Ed25519 host key fingerprint, as {@code ssh-keygen -lf} prints it on the host itself. */
    private static String hostKeyFingerprint(TestHost host) {
        var result = host.exec("ssh-keygen", "-lf", "/etc/ssh/ssh_host_ed25519_key.pub");
        assertThat(result.succeeded()).as(result.stderr()).isTrue();
        var found = FINGERPRINT.matcher(result.stdout());
        assertThat(found.find()).as(result.stdout()).isTrue();
        return found.group();
    }

    /**
     * Runs {@code command} in bash with the machine's env from the platform and a client bundle fetched into a
     * workstation directory, the way a user would after {@code hm env}; answers its output.
     */
    private static String docker(String id, String name, String command) throws Exception {
        var certs = Files.createDirectories(workstation.resolve("certs-" + name));
        var auth = Base64.getEncoder().encodeToString(("admin:" + RunningPlatform.ADMIN_PASSWORD)
                .getBytes(StandardCharsets.UTF_8));
        var bundle = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(platform.baseUrl() + "/api/machines/" + id + "/client-bundle"))
                .header("Authorization", "Basic " + auth).POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(bundle.statusCode()).isEqualTo(200);
        var tar = workstation.resolve(name + ".tar");
        Files.write(tar, bundle.body());
        run(List.of("tar", "-xpf", tar.toString(), "-C", certs.toString()));
        var env = admin.get("/api/machines/" + id + "/env?shell=bash&certPath="
                + URLEncoder.encode(certs.toString(), StandardCharsets.UTF_8));
        assertThat(env.status()).as(env.body()).isEqualTo(200);
        var script = workstation.resolve("env-" + name + ".sh");
        Files.writeString(script, env.body());
        return run(List.of("bash", "-c", "eval \"$(cat '" + script + "')\" && " + command));
    }

    private static String run(List<String> command) {
        return TestHostMachines.run(workstation, command);
    }
}
