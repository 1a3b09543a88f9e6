package io.harbormaster.command.secret.vault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.harbormaster.api.machine.MachineId;
import io.harbormaster.api.team.TeamId;
import io.harbormaster.command.secret.SecretAccessDeniedException;
import io.harbormaster.command.secret.SecretPath;
import io.harbormaster.command.secret.SecretStoreException;
import io.harbormaster.command.secret.SecretStoreSealedException;
import io.harbormaster.command.secret.SecretStoreUnreachableException;
import io.harbormaster.command.secret.SecretVersion;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * The Vault contract against {@link VaultStandIn}, always; plus what only the stand-in can stage: a sealed Vault, a
 * closed port, server errors, policies that leave paths out, AppRole logins and expiring tokens.
 */
class VaultSecretStoreTest extends VaultContract {

    private static final RetryPolicy FAST = new RetryPolicy(4, Duration.ofMillis(10), Duration.ofMillis(40));
    private static final VaultStandIn vault = VaultStandIn.start();

    @AfterAll
    static void stop() {
        vault.close();
    }

    @Override
    VaultSettings settings() {
        return VaultSettings.of(vault.address(), new VaultAuth.Token(vault.rootToken())).withRetries(FAST);
    }

    @Override
    String token() {
        return vault.rootToken();
    }

    @Test
    void secretsLiveAtTheMountUnderThePrefixAndThePath() {
        var machine = MachineId.random();

        write(SecretPath.machineTls(machine), Map.of("ca.pem", "c"));

        assertThat(vault.latest("harbormaster/machines/" + machine.value() + "/tls")).isEqualTo(Map.of("ca.pem", "c"));
    }

    @Test
    void aMountOfSeveralSegmentsIsMappedToItsDataPath() {
        try (var nested = VaultStandIn.start("kv/platform");
             var store = new VaultSecretStore(new VaultSettings(nested.address(),
                     new VaultAuth.Token(nested.rootToken()), "kv/platform", "hm", null, null, null, FAST))) {
            var path = SecretPath.machineSsh(MachineId.random());

            store.write(path, Map.of("id_ed25519", "key"));

            assertThat(store.read(path).orElseThrow().data()).isEqualTo(Map.of("id_ed25519", "key"));
            assertThat(nested.latest("hm/" + path.value())).isEqualTo(Map.of("id_ed25519", "key"));
        }
    }

    @Test
    void aSealedVaultFailsAtOnceAndSaysToUnsealIt() {
        var path = SecretPath.machineTls(MachineId.random());
        write(path, Map.of("ca.pem", "c"));
        vault.seal();
        try {
            var before = vault.kvRequests();

            assertThatThrownBy(() -> store().read(path))
                    .isInstanceOf(SecretStoreSealedException.class)
                    .hasMessageContaining("sealed")
                    .hasMessageContaining("vault operator unseal");
            assertThat(vault.kvRequests() - before).isZero();
            var health = store().health();
            assertThat(health.reachable()).isTrue();
            assertThat(health.sealed()).isTrue();
            assertThat(health.usable()).isFalse();
        } finally {
            vault.unseal();
        }
        assertThat(store().read(path)).isPresent();
    }

    @Test
    void serverErrorsAreRetriedWithBackOffUntilOneSucceeds() {
        var path = SecretPath.machineTls(MachineId.random());
        var before = vault.kvRequests();
        vault.failNext(2);

        var version = write(path, Map.of("ca.pem", "c"));

        assertThat(version).isEqualTo(new SecretVersion(1));
        assertThat(vault.kvRequests() - before).isEqualTo(3);
    }

    @Test
    void serverErrorsThatPersistEndAsUnreachableAfterTheLastAttempt() {
        var path = SecretPath.machineTls(MachineId.random());
        var before = vault.kvRequests();
        vault.failNext(FAST.maxAttempts());

        assertThatThrownBy(() -> store().read(path))
                .isInstanceOf(SecretStoreUnreachableException.class)
                .hasMessageContaining("kept failing")
                .hasMessageContaining("after 4 attempt(s)")
                .hasMessageContaining("internal error");
        assertThat(vault.kvRequests() - before).isEqualTo(4);
    }

    @Test
    void aClosedPortIsUnreachableAfterBackingOffBetweenAttempts() throws IOException {
        var address = URI.create("http://127.0.0.1:" + closedPort());
        var patient = new RetryPolicy(3, Duration.ofMillis(100), Duration.ofMillis(400));
        try (var store = new VaultSecretStore(settings().withRetries(patient).withAddress(address))) {
            var started = System.nanoTime();

            assertThatThrownBy(() -> store.read(SecretPath.machineTls(MachineId.random())))
                    .isInstanceOf(SecretStoreUnreachableException.class)
                    .hasMessageContaining(address.toString())
                    .hasMessageContaining("did not answer")
                    .hasMessageContaining("connection refused")
                    .hasMessageContaining("after 3 attempt(s)");
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(300));
            assertThat(store.health().reachable()).isFalse();
            assertThat(store.health().description()).contains("no answer").contains(address.toString());
        }
    }

    @Test
    void aPolicyWithoutTheCapabilityIsDeniedAtOnceNamingWhatToGrant() {
        var reader = "hvs.reader-" + MachineId.random().value();
        vault.addToken(reader, StandInPolicy.named("reader").allow("secret/data/harbormaster/*", "read"));
        var path = SecretPath.machineTls(MachineId.random());
        try (var store = new VaultSecretStore(settings().withAuth(new VaultAuth.Token(reader)))) {
            var before = vault.kvRequests();

            assertThatThrownBy(() -> store.write(path, Map.of("ca-key.pem", CA_KEY)))
                    .isInstanceOfSatisfying(SecretAccessDeniedException.class, denied -> {
                        assertThat(denied.path()).isEqualTo("secret/data/harbormaster/" + path.value());
                        assertThat(denied.capability()).isEqualTo("create/update");
                    })
                    .message().doesNotContain(reader).doesNotContain("PRIVATE KEY");
            assertThat(vault.kvRequests() - before).isEqualTo(1);
            assertThat(store.read(path)).isEmpty();
        }
    }

    @Test
    void aPathOutsideThePolicyIsDenied() {
        var machinesOnly = "hvs.machines-" + MachineId.random().value();
        vault.addToken(machinesOnly, StandInPolicy.named("machines")
                .allow("secret/data/harbormaster/machines/*", "create", "read", "update")
                .allow("secret/metadata/harbormaster/machines/*", "list", "delete"));
        try (var store = new VaultSecretStore(settings().withAuth(new VaultAuth.Token(machinesOnly)))) {
            var machine = SecretPath.machineTls(MachineId.random());
            store.write(machine, Map.of("ca.pem", "c"));
            store.destroy(machine);

            assertThatThrownBy(() -> store.read(SecretPath.teamCredential(TeamId.random(), "aws")))
                    .isInstanceOfSatisfying(SecretAccessDeniedException.class,
                            denied -> assertThat(denied.capability()).isEqualTo("read"));
            assertThatThrownBy(() -> store.list(SecretPath.of("teams")))
                    .isInstanceOfSatisfying(SecretAccessDeniedException.class,
                            denied -> assertThat(denied.path()).isEqualTo("secret/metadata/harbormaster/teams"));
        }
    }

    @Test
    void aMissingSecretIsAnAnswerNotAFailureAndIsNotRetried() {
        var before = vault.kvRequests();

        assertThat(store().read(SecretPath.machineTls(MachineId.random()))).isEmpty();
        assertThat(vault.kvRequests() - before).isEqualTo(1);
    }

    @Test
    void aMountWithoutAnEngineSaysHowToEnableKvVersionTwo() {
        try (var store = new VaultSecretStore(new VaultSettings(vault.address(),
                new VaultAuth.Token(vault.rootToken()), "nothing-here", null, null, null, null, FAST))) {
            assertThatThrownBy(() -> store.write(SecretPath.machineTls(MachineId.random()), Map.of("k", "v")))
                    .isInstanceOf(SecretStoreException.class)
                    .hasMessageContaining("no secrets engine at mount 'nothing-here/'")
                    .hasMessageContaining("vault secrets enable -path=nothing-here kv-v2");
        }
    }

    @Test
    void theNamespaceIsSentWithEveryRequest() {
        try (var store = new VaultSecretStore(settings().withNamespace("team-a"))) {
            var path = SecretPath.machineTls(MachineId.random());
            var seen = vault.namespacesSeen().size();

            store.write(path, Map.of("ca.pem", "c"));
            store.read(path);
            store.destroy(path);

            assertThat(vault.namespacesSeen().subList(seen, vault.namespacesSeen().size()))
                    .containsExactly("team-a", "team-a", "team-a");
        }
    }

    @Test
    void appRoleLogsInOnceAndUsesTheToken() {
        var appRole = vault.enableAppRole(harbormasterPolicy(), Duration.ofHours(1));
        var logins = vault.logins();
        try (var store = new VaultSecretStore(settings().withAuth(appRole))) {
            var path = SecretPath.machineTls(MachineId.random());

            store.write(path, Map.of("ca.pem", "c"));

            assertThat(store.read(path).orElseThrow().data()).isEqualTo(Map.of("ca.pem", "c"));
            assertThat(vault.logins() - logins).isEqualTo(1);
            assertThat(store.health().description()).contains("approle login").contains("token accepted")
                    .doesNotContain(appRole.secretId()).doesNotContain(appRole.roleId());
            store.destroy(path);
        }
    }

    @Test
    void anExpiredAppRoleTokenIsReplacedByLoggingInAgain() {
        var appRole = vault.enableAppRole(harbormasterPolicy(), Duration.ofHours(1));
        var logins = vault.logins();
        try (var store = new VaultSecretStore(settings().withAuth(appRole))) {
            var path = SecretPath.machineTls(MachineId.random());
            store.write(path, Map.of("ca.pem", "c"));
            vault.expireIssuedTokens();

            assertThat(store.read(path)).isPresent();
            assertThat(vault.logins() - logins).isEqualTo(2);
            store.destroy(path);
        }
    }

    @Test
    void anAppRoleTokenNearTheEndOfItsLeaseIsReplacedBeforeVaultRefusesIt() {
        var appRole = vault.enableAppRole(harbormasterPolicy(), Duration.ofSeconds(100));
        var clock = new MovableClock();
        var logins = vault.logins();
        try (var store = new VaultSecretStore(settings().withAuth(appRole), clock)) {
            var path = SecretPath.machineTls(MachineId.random());
            store.write(path, Map.of("ca.pem", "c"));
            clock.advance(Duration.ofSeconds(81));
            var before = vault.kvRequests();

            assertThat(store.read(path)).isPresent();
            assertThat(vault.logins() - logins).isEqualTo(2);
            assertThat(vault.kvRequests() - before).as("no request was refused first").isEqualTo(1);
            store.destroy(path);
        }
    }

    @Test
    void anAppRolePolicyThatLacksTheCapabilityIsDeniedAfterOneFreshLogin() {
        var appRole = vault.enableAppRole(StandInPolicy.named("nothing"), Duration.ofHours(1));
        var logins = vault.logins();
        try (var store = new VaultSecretStore(settings().withAuth(appRole))) {
            assertThatThrownBy(() -> store.read(SecretPath.machineTls(MachineId.random())))
                    .isInstanceOf(SecretAccessDeniedException.class)
                    .hasMessageContaining("already logged in again with AppRole");
            assertThat(vault.logins() - logins).isEqualTo(2);
        }
    }

    @Test
    void aWrongSecretIdIsDeniedWithoutRetryingAndWithoutShowingIt() {
        var appRole = vault.enableAppRole(harbormasterPolicy(), Duration.ofHours(1));
        var wrong = new VaultAuth.AppRole("approle", appRole.roleId(), "wrong-secret-id-0123456789");
        try (var store = new VaultSecretStore(settings().withAuth(wrong))) {
            assertThatThrownBy(() -> store.read(SecretPath.machineTls(MachineId.random())))
                    .isInstanceOfSatisfying(SecretAccessDeniedException.class,
                            denied -> assertThat(denied.path()).isEqualTo("auth/approle/login"))
                    .hasMessageContaining("invalid role or secret ID")
                    .hasMessageContaining("secret-id")
                    .message().doesNotContain("wrong-secret-id-0123456789").doesNotContain(appRole.roleId());
        }
        assertThat(new VaultAuth.AppRole("approle", "r", "s3cr3t").toString()).doesNotContain("s3cr3t");
        assertThat(new VaultAuth.Token("hvs.s3cr3t").toString()).doesNotContain("s3cr3t");
    }

    private static StandInPolicy harbormasterPolicy() {
        return StandInPolicy.named("harbormaster")
                .allow("secret/data/harbormaster/*", "create", "read", "update")
                .allow("secret/metadata/harbormaster/*", "list", "delete");
    }

    private static int closedPort() throws IOException {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** A clock the test moves forward, to reach the end of a token's lease without waiting for it. */
    private static final class MovableClock extends Clock {

        private volatile Instant now = Instant.now();

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }
}
