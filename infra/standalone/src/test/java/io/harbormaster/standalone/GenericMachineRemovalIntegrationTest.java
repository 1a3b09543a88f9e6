package io.harbormaster.standalone;

import static io.harbormaster.standalone.TestHostMachines.actions;
import static io.harbormaster.standalone.TestHostMachines.await;
import static io.harbormaster.standalone.TestHostMachines.awaitSettled;
import static io.harbormaster.standalone.TestHostMachines.createRequest;
import static io.harbormaster.standalone.TestHostMachines.history;
import static io.harbormaster.standalone.TestHostMachines.newKey;
import static io.harbormaster.standalone.TestHostMachines.publicKey;
import static io.harbormaster.standalone.TestHostMachines.read;
import static org.assertj.core.api.Assertions.assertThat;

import io.harbormaster.api.machine.MachineId;
import io.harbormaster.command.secret.SecretPath;
import io.harbormaster.command.secret.SecretStore;
import io.harbormaster.testing.TestHost;
import io.harbormaster.testing.TestHosts;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Removing a provisioned generic machine: it disappears from the machine list, its TLS material and SSH key are
 * destroyed in the secret store, and its history stays for the audit.
 */
class GenericMachineRemovalIntegrationTest {

    private static final String HOST_IP = "10.213.0.41";

    @TempDir
    static Path workstation;

    private static final List<TestHost> hosts = new ArrayList<>();
    private static RunningPlatform platform;
    private static String key;

    @BeforeAll
    static void start() {
        Assumptions.assumeTrue(TestHosts.available(), () -> "test hosts unavailable: " + TestHosts.unavailableReason());
        var file = newKey(workstation, "rm-key");
        key = read(file);
        hosts.add(TestHosts.up("rm-a", HOST_IP, publicKey(file)));
        platform = RunningPlatform.startOnFreshDatabase();
    }

    @AfterAll
    static void stop() {
        TestHostMachines.stopAll(platform, hosts);
    }

    @Test
    void aRemovedMachineLosesItsSecretsButKeepsItsHistory() {
        var admin = platform.admin();
        var team = MachineLifecycleIntegrationTest.defaultTeamId(admin);
        var id = admin.post("/api/machines", createRequest(team, "rm-1", HOST_IP, key)).text("machineId");
        var running = awaitSettled(admin, id, Duration.ofSeconds(60));
        assertThat(running.text("state")).as(history(admin, id).toString()).isEqualTo("Running");
        var machineId = MachineId.of(id);
        var store = platform.bean(SecretStore.class);
        assertThat(store.read(SecretPath.machineTls(machineId))).as("TLS material while it runs").isPresent();
        assertThat(store.read(SecretPath.machineSsh(machineId))).as("SSH key while it runs").isPresent();

        var removal = admin.delete("/api/machines/" + id);

        assertThat(removal.status()).as(removal.body()).isEqualTo(202);
        var gone = await(() -> admin.get("/api/machines/" + id), r -> r.status() == 404, Duration.ofSeconds(30));
        assertThat(gone.status()).as(gone.body()).isEqualTo(404);
        assertThat(admin.get("/api/machines?name=rm-1").json().path("total").asLong()).isZero();
        assertThat(actions(history(admin, id))).startsWith("MachineCreated").endsWith("MachineRemoved")
                .contains("SshHostKeyPinned", "ProvisioningStarted", "MachineProvisioned", "CertsRegenerated");
        // the secrets are destroyed by a processor of their own, after the removal was recorded
        var deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (secretsLeft(store, machineId) && System.nanoTime() < deadline) {
            TestHostMachines.pause(Duration.ofMillis(200));
        }
        assertThat(store.read(SecretPath.machineTls(machineId))).as("TLS material").isEmpty();
        assertThat(store.read(SecretPath.machineSsh(machineId))).as("SSH key").isEmpty();
        assertThat(store.read(SecretPath.machineSsh(machineId), 1)).as("the SSH key's first version").isEmpty();
        assertThat(store.list(SecretPath.machines())).doesNotContain(id, id + "/");
    }

    private static boolean secretsLeft(SecretStore store, MachineId id) {
        return store.read(SecretPath.machineTls(id)).isPresent() || store.read(SecretPath.machineSsh(id)).isPresent();
    }
}
