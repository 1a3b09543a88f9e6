package io.harbormaster.command.secret.sealed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.harbormaster.api.machine.MachineId;
import io.harbormaster.command.secret.SecretPath;
import io.harbormaster.command.secret.SecretStore;
import io.harbormaster.command.secret.SecretStoreContract;
import io.harbormaster.command.secret.SecretVersion;
import io.harbormaster.testing.TestPostgres;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The store contract on a real PostgreSQL with the real migrations, plus what the sealing promises: no plaintext in
 * the table, altered or moved rows detected, the key file made 0600 and refused when others can read it, the wrong
 * size or not the key the secrets were sealed with.
 */
public class SealedDatabaseSecretStoreTest extends SecretStoreContract {

    @TempDir
    static Path home;
    private static DataSource dataSource;
    private static SealedDatabaseSecretStore store;

    @BeforeAll
    static void migrateAndOpen() {
        dataSource = migratedDatabase();
        store = new SealedDatabaseSecretStore(dataSource, home.resolve("secrets.key"));
    }

    @Override
    protected SecretStore store() {
        return store;
    }

    @Test
    void theFirstStartMakesAKeyFileOnlyItsOwnerCanReadInADirectoryOnlyItsOwnerCanEnter() throws IOException {
        var directory = home.resolve("new-home");
        var keyFile = directory.resolve("secrets.key");

        new SealedDatabaseSecretStore(migratedDatabase(), keyFile);

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(keyFile))).isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(directory))).isEqualTo("rwx------");
        assertThat(Files.size(keyFile)).isEqualTo(32);
        try (var files = Files.list(directory)) {
            assertThat(files).as("no temporary file is left behind").containsExactly(keyFile);
        }
    }

    @Test
    void aSecondStartUsesTheSameKeyFile() throws IOException {
        var keyFile = home.resolve("secrets.key");
        var before = Files.readAllBytes(keyFile);
        var path = SecretPath.machineTls(MachineId.random());
        write(path, Map.of("ca.pem", "c"));

        var again = new SealedDatabaseSecretStore(dataSource, keyFile);

        assertThat(Files.readAllBytes(keyFile)).isEqualTo(before);
        assertThat(again.read(path).orElseThrow().data()).isEqualTo(Map.of("ca.pem", "c"));
    }

    @Test
    void theTableHoldsCiphertextWithAFreshNonceNeverThePlaintext() {
        var path = SecretPath.machineTls(MachineId.random());
        write(path, Map.of("ca-key.pem", CA_KEY));
        write(path, Map.of("ca-key.pem", CA_KEY));

        var rows = JdbcClient.create(dataSource)
                .sql("SELECT key_id, nonce, ciphertext FROM sec_sealed_secret WHERE path = ? ORDER BY version")
                .param(path.value()).query((rs, n) -> new Object[] {rs.getString(1), rs.getBytes(2), rs.getBytes(3)})
                .list();

        assertThat(rows).hasSize(2);
        for (var row : rows) {
            assertThat(row[0]).isEqualTo(store.keyId());
            assertThat((byte[]) row[1]).hasSize(12);
            var ciphertext = new String((byte[]) row[2], StandardCharsets.ISO_8859_1);
            assertThat(ciphertext).doesNotContain("MHcCAQEEIC0ntr").doesNotContain("PRIVATE KEY")
                    .doesNotContain("ca-key.pem");
        }
        assertThat((byte[]) rows.get(0)[1]).isNotEqualTo(rows.get(1)[1]);
        assertThat((byte[]) rows.get(0)[2]).isNotEqualTo(rows.get(1)[2]);
    }

    @Test
    void anAlteredCiphertextIsDetectedAndNoValueIsReturned() {
        var path = SecretPath.machineTls(MachineId.random());
        write(path, Map.of("ca-key.pem", CA_KEY));

        JdbcClient.create(dataSource).sql("""
                        UPDATE sec_sealed_secret SET ciphertext = set_byte(ciphertext, 3, get_byte(ciphertext, 3) # 1)
                        WHERE path = ?""").param(path.value()).update();

        assertThatThrownBy(() -> store.read(path))
                .isInstanceOf(SecretIntegrityException.class)
                .hasMessageContaining(path.value())
                .hasMessageContaining("integrity check")
                .message().doesNotContain("PRIVATE KEY");
    }

    @Test
    void aRowCopiedToAnotherPathDoesNotOpenThere() {
        var original = SecretPath.machineTls(MachineId.random());
        var other = SecretPath.machineTls(MachineId.random());
        write(original, Map.of("ca-key.pem", CA_KEY));
        write(other, Map.of("ca-key.pem", "the other machine's key"));

        JdbcClient.create(dataSource).sql("""
                        UPDATE sec_sealed_secret SET nonce = o.nonce, ciphertext = o.ciphertext
                        FROM sec_sealed_secret o WHERE o.path = ? AND sec_sealed_secret.path = ?""")
                .params(original.value(), other.value()).update();

        assertThatThrownBy(() -> store.read(other)).isInstanceOf(SecretIntegrityException.class);
        assertThat(store.read(original)).isPresent();
    }

    @Test
    void aRowCopiedToAnotherVersionDoesNotOpenThere() {
        var path = SecretPath.machineSsh(MachineId.random());
        write(path, Map.of("id_ed25519", "old key"));
        write(path, Map.of("id_ed25519", "new key"));

        JdbcClient.create(dataSource).sql("""
                        UPDATE sec_sealed_secret SET nonce = o.nonce, ciphertext = o.ciphertext
                        FROM sec_sealed_secret o WHERE o.path = ? AND o.version = 1
                        AND sec_sealed_secret.path = o.path AND sec_sealed_secret.version = 2""")
                .param(path.value()).update();

        assertThatThrownBy(() -> store.read(path)).isInstanceOf(SecretIntegrityException.class)
                .hasMessageContaining("version 2");
        assertThat(store.read(path, 1).orElseThrow().value("id_ed25519")).isEqualTo("old key");
    }

    @Test
    void aKeyFileOthersCanReadIsRefusedWithTheCommandThatFixesIt() throws IOException {
        var keyFile = home.resolve("shared/secrets.key");
        new SealedDatabaseSecretStore(dataSource, keyFile);

        for (var loose : List.of("rw-r-----", "rw----r--", "rw-rw-rw-", "rw--w----", "rw------x")) {
            Files.setPosixFilePermissions(keyFile, PosixFilePermissions.fromString(loose));

            assertThatThrownBy(() -> new SealedDatabaseSecretStore(dataSource, keyFile))
                    .isInstanceOf(SecretKeyFileException.class)
                    .hasMessageContaining(loose)
                    .hasMessageContaining("chmod 600 " + keyFile);
        }
        Files.setPosixFilePermissions(keyFile, PosixFilePermissions.fromString("r--------"));
        assertThat(new SealedDatabaseSecretStore(dataSource, keyFile).health().usable())
                .as("a key file only its owner can read is fine").isTrue();
    }

    @Test
    void aKeyFileOfTheWrongLengthIsRefused() throws IOException {
        var keyFile = home.resolve("short.key");
        Files.write(keyFile, new byte[31]);
        Files.setPosixFilePermissions(keyFile, PosixFilePermissions.fromString("rw-------"));

        assertThatThrownBy(() -> new SealedDatabaseSecretStore(dataSource, keyFile))
                .isInstanceOf(SecretKeyFileException.class)
                .hasMessageContaining("31 bytes")
                .hasMessageContaining("Restore it from your backup");
    }

    @Test
    void anotherKeyIsRefusedWhenTheDatabaseHoldsSecretsSealedWithTheFirst() throws IOException {
        var database = migratedDatabase();
        var first = new SealedDatabaseSecretStore(database, home.resolve("first/secrets.key"));
        first.write(SecretPath.machineTls(MachineId.random()), Map.of("ca-key.pem", CA_KEY));
        var secondKey = home.resolve("second/secrets.key");

        assertThatThrownBy(() -> new SealedDatabaseSecretStore(database, secondKey))
                .isInstanceOf(SecretKeyFileException.class)
                .hasMessageContaining(first.keyId() + " (1 version(s))")
                .hasMessageContaining(secondKey.toString())
                .hasMessageContaining("restore the key file")
                .message().doesNotContain(HexFormat.of().formatHex(Files.readAllBytes(secondKey)));
    }

    @Test
    void concurrentWritesToOnePathEachGetTheirOwnVersion() throws Exception {
        var path = SecretPath.teamCredentials(io.harbormaster.api.team.TeamId.random()).child("aws");
        List<Future<SecretVersion>> versions;
        try (var pool = Executors.newFixedThreadPool(8)) {
            var writes = IntStream.range(0, 8).<Callable<SecretVersion>>mapToObj(
                    i -> () -> write(path, Map.of("n", String.valueOf(i)))).toList();
            versions = pool.invokeAll(writes);
        }

        var numbers = versions.stream().map(SealedDatabaseSecretStoreTest::get).map(SecretVersion::number).toList();
        assertThat(numbers).containsExactlyInAnyOrder(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L);
        assertThat(store.read(path).orElseThrow().version()).isEqualTo(new SecretVersion(8));
    }

    @Test
    void onlyTheNewestVersionsAreKept() {
        var keeping3 = new SealedDatabaseSecretStore(dataSource, home.resolve("secrets.key"), Clock.systemUTC(), 3);
        var path = SecretPath.machineTls(MachineId.random());
        for (int i = 1; i <= 5; i++) {
            track(path);
            keeping3.write(path, Map.of("ca.pem", "v" + i));
        }

        assertThat(keeping3.read(path, 1)).isEmpty();
        assertThat(keeping3.read(path, 2)).isEmpty();
        assertThat(keeping3.read(path, 3).orElseThrow().value("ca.pem")).isEqualTo("v3");
        assertThat(keeping3.read(path).orElseThrow().version()).isEqualTo(new SecretVersion(5));
    }

    @Test
    void healthNamesTheKeyFileAndKeyIdButNotTheKey() throws IOException {
        var health = store.health();
        var key = HexFormat.of().formatHex(Files.readAllBytes(home.resolve("secrets.key")));

        assertThat(health.kind()).isEqualTo("sealed-database");
        assertThat(health.description()).contains(home.resolve("secrets.key").toString()).contains(store.keyId())
                .doesNotContain(key);
        assertThat(store.toString()).doesNotContain(key);
        assertThat(store.keyId()).hasSize(16);
    }

    private static SecretVersion get(Future<SecretVersion> future) {
        try {
            return future.get();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    public static DataSource migratedDatabase() {
        var database = TestPostgres.freshDatabase();
        Flyway.configure().dataSource(database.url(), database.user(), database.password())
                .locations(migrations()).load().migrate();
        return database.dataSource();
    }

    /** The db module's migrations; from its sources when the classpath holds an older db jar without V10. */
    private static String migrations() {
        var current = SealedDatabaseSecretStoreTest.class.getClassLoader()
                .getResource("db/migration/V10__sealed_secrets.sql");
        return current != null ? "classpath:db/migration"
                : "filesystem:" + Path.of("..", "db", "src", "main", "resources", "db", "migration").toAbsolutePath();
    }
}
