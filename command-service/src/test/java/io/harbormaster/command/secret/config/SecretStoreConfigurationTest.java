package io.harbormaster.command.secret.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.harbormaster.api.machine.MachineId;
import io.harbormaster.command.secret.SecretPath;
import io.harbormaster.command.secret.SecretStore;
import io.harbormaster.command.secret.WaitingSecretStore;
import io.harbormaster.command.secret.sealed.SealedDatabaseSecretStore;
import io.harbormaster.command.secret.sealed.SealedDatabaseSecretStoreTest;
import io.harbormaster.command.secret.sealed.SecretKeyFileException;
import io.harbormaster.command.secret.vault.StandInPolicy;
import io.harbormaster.command.secret.vault.VaultSecretStore;
import io.harbormaster.command.secret.vault.VaultStandIn;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/** Which store {@code harbormaster.secrets.*} selects, where the key file goes, and what the startup line says. */
@ExtendWith(OutputCaptureExtension.class)
class SecretStoreConfigurationTest {

    private static final VaultStandIn vault = VaultStandIn.start();
    private static DataSource database;

    @TempDir
    Path home;

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withUserConfiguration(SecretStoreConfiguration.class)
            .withBean(DataSource.class, () -> database);

    @BeforeAll
    static void migrate() {
        database = SealedDatabaseSecretStoreTest.migratedDatabase();
    }

    @AfterAll
    static void stop() {
        vault.close();
    }

    @Test
    void theSealedStoreIsTheDefaultWithItsKeyInTheHarbormasterHome() {
        runner.withPropertyValues("harbormaster.home=" + home).run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(context.getBean(WaitingSecretStore.class).store()).isInstanceOf(SealedDatabaseSecretStore.class);
            assertThat(home.resolve("secrets.key")).exists();
        });
    }

    @Test
    void withoutAHarbormasterHomeTheKeyGoesToDotHarbormasterInTheUsersHome() {
        runner.withPropertyValues("user.home=" + home).run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(home.resolve(".harbormaster/secrets.key")).exists();
        });
    }

    @Test
    void aConfiguredKeyFileWins() {
        var keyFile = home.resolve("elsewhere/key.bin");
        runner.withPropertyValues("harbormaster.home=" + home, "harbormaster.secrets.sealed.key-file=" + keyFile)
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    assertThat(keyFile).exists();
                    assertThat(home.resolve("secrets.key")).doesNotExist();
                });
    }

    @Test
    void aKeyFileOthersCanReadStopsTheStartWithTheReason() throws Exception {
        var keyFile = home.resolve("secrets.key");
        new SealedDatabaseSecretStore(database, keyFile);
        Files.setPosixFilePermissions(keyFile, java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));

        runner.withPropertyValues("harbormaster.home=" + home).run(context -> assertThat(context).getFailure()
                .rootCause().isInstanceOf(SecretKeyFileException.class).hasMessageContaining("chmod 600"));
    }

    @Test
    void vaultIsChosenByPropertyAndTheStartupLineNamesItWithoutTheToken(CapturedOutput output) {
        runner.withPropertyValues("harbormaster.secrets.store=vault",
                        "harbormaster.secrets.vault.address=" + vault.address(),
                        "harbormaster.secrets.vault.token=" + vault.rootToken(),
                        "harbormaster.secrets.vault.read-timeout=3s",
                        "harbormaster.secrets.vault.retries.max-attempts=2")
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    var store = context.getBean(SecretStore.class);
                    assertThat(((WaitingSecretStore) store).store()).isInstanceOf(VaultSecretStore.class);
                    var path = SecretPath.machineTls(MachineId.random());
                    store.write(path, Map.of("ca.pem", "c"));
                    store.destroy(path);

                    context.getBean(ApplicationRunner.class).run(null);

                    assertThat(output).contains("Secret store: vault (Vault at " + vault.address()
                            + ", KV v2 mount 'secret', prefix 'harbormaster', token login: active, token accepted");
                    var properties = context.getBean(SecretStoreProperties.class);
                    assertThat(properties.vault().readTimeout()).isEqualTo(Duration.ofSeconds(3));
                    assertThat(properties.toString()).doesNotContain(vault.rootToken());
                });
        assertThat(output).doesNotContain(vault.rootToken());
    }

    @Test
    void vaultWithAppRolePropertiesLogsInWithAppRole(CapturedOutput output) {
        var appRole = vault.enableAppRole(StandInPolicy.root(), Duration.ofHours(1));
        runner.withPropertyValues("harbormaster.secrets.store=VAULT",
                        "harbormaster.secrets.vault.address=" + vault.address(),
                        "harbormaster.secrets.vault.approle.role-id=" + appRole.roleId(),
                        "harbormaster.secrets.vault.approle.secret-id=" + appRole.secretId())
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    context.getBean(ApplicationRunner.class).run(null);
                    assertThat(output).contains("approle login: active, token accepted");
                    assertThat(context.getBean(SecretStoreProperties.class).toString())
                            .doesNotContain(appRole.secretId()).doesNotContain(appRole.roleId());
                });
        assertThat(output).doesNotContain(appRole.secretId());
    }

    @Test
    void aSealedVaultIsAWarningAtStartupNotAFailedStart(CapturedOutput output) {
        vault.seal();
        try {
            runner.withPropertyValues("harbormaster.secrets.store=vault",
                            "harbormaster.secrets.vault.address=" + vault.address(),
                            "harbormaster.secrets.vault.token=" + vault.rootToken())
                    .run(context -> {
                        assertThat(context).hasNotFailed();
                        context.getBean(ApplicationRunner.class).run(null);
                        assertThat(output).contains("WARN").contains("sealed (unseal it with 'vault operator unseal')");
                    });
        } finally {
            vault.unseal();
        }
    }

    @Test
    void vaultWithoutALoginStopsTheStartNamingTheProperties() {
        runner.withPropertyValues("harbormaster.secrets.store=vault",
                        "harbormaster.secrets.vault.address=" + vault.address())
                .run(context -> assertThat(context).getFailure().rootCause()
                        .hasMessageContaining("harbormaster.secrets.vault.token is empty")
                        .hasMessageContaining("approle.role-id"));
    }

    @Test
    void vaultWithTwoLoginsStopsTheStart() {
        runner.withPropertyValues("harbormaster.secrets.store=vault",
                        "harbormaster.secrets.vault.address=" + vault.address(),
                        "harbormaster.secrets.vault.token=t", "harbormaster.secrets.vault.approle.role-id=r",
                        "harbormaster.secrets.vault.approle.secret-id=s")
                .run(context -> assertThat(context).getFailure().rootCause()
                        .hasMessageContaining("keep only the login you mean to use"));
    }

    @Test
    void anUnknownStoreKindStopsTheStart() {
        runner.withPropertyValues("harbormaster.secrets.store=consul")
                .run(context -> assertThat(context).getFailure()
                        .hasStackTraceContaining("Failed to bind properties under 'harbormaster.secrets.store'"));
    }
}
