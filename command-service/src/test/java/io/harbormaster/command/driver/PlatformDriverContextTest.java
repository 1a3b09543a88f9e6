package io.harbormaster.command.driver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.harbormaster.api.machine.MachineId;
import io.harbormaster.api.team.TeamId;
import io.harbormaster.command.secret.SecretPath;
import io.harbormaster.command.secret.SecretStore;
import io.harbormaster.command.secret.sealed.SealedDatabaseSecretStore;
import io.harbormaster.command.secret.sealed.SealedDatabaseSecretStoreTest;
import io.harbormaster.command.ssh.HostShells;
import io.harbormaster.command.ssh.MachineSshKeys;
import io.harbormaster.driver.DriverException;
import io.harbormaster.driver.SshTarget;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.mock.env.MockEnvironment;

/** The platform's driver context against the sealed secret store on real PostgreSQL. */
class PlatformDriverContextTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-01-02T03:04:05Z"), ZoneOffset.UTC);

    @TempDir
    static Path home;
    private static SecretStore secrets;

    private final TeamId team = TeamId.random();

    @BeforeAll
    static void openStore() {
        secrets = new SealedDatabaseSecretStore(SealedDatabaseSecretStoreTest.migratedDatabase(),
                home.resolve("secrets.key"));
    }

    private static PlatformDriverContext context(boolean withSecrets) {
        var beans = new StaticListableBeanFactory();
        if (withSecrets) {
            beans.addBean("secretStore", secrets);
            beans.addBean("machineSshKeys", new MachineSshKeys(secrets));
        }
        return new PlatformDriverContext(beans.getBeanProvider(HostShells.class),
                beans.getBeanProvider(MachineSshKeys.class), beans.getBeanProvider(SecretStore.class), CLOCK);
    }

    @Test
    void aCloudCredentialIsTheLatestVersionAndPrintsNoValue() {
        var path = SecretPath.teamCredential(team, "aws");
        secrets.write(path, Map.of("access-key-id", "AKIAOLD", "secret-access-key", "old-s3cr3t"));
        secrets.write(path, Map.of("access-key-id", "AKIANEW", "secret-access-key", "new-s3cr3t"));

        var credential = context(true).cloudCredential(team, "aws").orElseThrow();

        assertThat(credential.name()).isEqualTo("aws");
        assertThat(credential.require("secret-access-key")).isEqualTo("new-s3cr3t");
        assertThat(credential.field("access-key-id")).contains("AKIANEW");
        assertThat(credential.toString()).isEqualTo("CloudCredential[aws, fields [access-key-id, secret-access-key]]");
        assertThatThrownBy(() -> credential.require("region")).isInstanceOf(DriverException.class)
                .hasMessageContaining("'region'").message().doesNotContain("s3cr3t");
        secrets.destroy(path);
    }

    @Test
    void aCredentialThatIsNotThereIsEmpty_alsoForAnotherTeam() {
        var path = SecretPath.teamCredential(team, "aws");
        secrets.write(path, Map.of("access-key-id", "AKIA"));

        assertThat(context(true).cloudCredential(team, "gcp")).isEmpty();
        assertThat(context(true).cloudCredential(TeamId.random(), "aws")).isEmpty();
        secrets.destroy(path);
    }

    @Test
    void aCredentialNameThatCannotBeAPathIsRefused() {
        assertThatThrownBy(() -> context(true).cloudCredential(team, "../machines"))
                .isInstanceOf(DriverException.class).hasMessageContaining("credential name");
    }

    @Test
    void aMachinesPublicKeyIsItsCurrentOne() {
        var machine = MachineId.random();
        var key = new MachineSshKeys(secrets).generate(machine);

        assertThat(context(true).sshPublicKey(machine)).contains(key.publicKey());
        assertThat(context(true).sshPublicKey(MachineId.random())).isEmpty();
        secrets.destroy(SecretPath.machineSsh(machine));
    }

    @Test
    void aDriverSettingIsReadFromTheDriversNamespaceOfTheConfiguration() {
        var environment = new MockEnvironment()
                .withProperty("harbormaster.drivers.amazonec2.endpoint", " http://127.0.0.1:4566 ")
                .withProperty("harbormaster.drivers.amazonec2.use-platform-identity", "")
                .withProperty("spring.datasource.password", "s3cr3t");
        var beans = new StaticListableBeanFactory();
        var context = new PlatformDriverContext(beans.getBeanProvider(HostShells.class),
                beans.getBeanProvider(MachineSshKeys.class), beans.getBeanProvider(SecretStore.class), CLOCK,
                environment);

        assertThat(context.setting("amazonec2.endpoint")).contains("http://127.0.0.1:4566");
        assertThat(context.setting("amazonec2.use-platform-identity")).as("blank is unset").isEmpty();
        assertThat(context.setting("amazonec2.region")).isEmpty();
        assertThatThrownBy(() -> context.setting("../spring.datasource.password"))
                .isInstanceOf(DriverException.class).hasMessageContaining("lower-case");
        assertThat(context(true).setting("amazonec2.endpoint")).as("no configuration, no settings").isEmpty();
    }

    @Test
    void whatTheProcessDoesNotHaveIsNamedWhenADriverAsksForIt() {
        var bare = context(false);

        assertThatThrownBy(() -> bare.openShell(MachineId.random(), new SshTarget("192.0.2.1", 22, "root")))
                .isInstanceOf(DriverException.class).hasMessageContaining("no SSH access");
        assertThatThrownBy(() -> bare.cloudCredential(team, "aws"))
                .isInstanceOf(DriverException.class).hasMessageContaining("no secret store");
        assertThat(bare.clock()).isEqualTo(CLOCK);
    }
}
