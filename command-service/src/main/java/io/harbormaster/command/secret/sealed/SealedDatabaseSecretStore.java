package io.harbormaster.command.secret.sealed;

import io.harbormaster.command.secret.Secret;
import io.harbormaster.command.secret.SecretData;
import io.harbormaster.command.secret.SecretPath;
import io.harbormaster.command.secret.SecretStore;
import io.harbormaster.command.secret.SecretStoreException;
import io.harbormaster.command.secret.SecretStoreUnreachableException;
import io.harbormaster.command.secret.SecretVersion;
import io.harbormaster.command.secret.StoreHealth;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.Supplier;
import javax.crypto.AEADBadTagException;
import javax.sql.DataSource;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The embedded default's secret store: each version a row of {@code sec_sealed_secret} (migration V10) holding
 * AES-256-GCM ciphertext, the key in a file outside the database ({@link SecretKeyFile}). Versions behave like Vault's
 * KV version 2 and the newest {@code maxVersions} of a path are kept (Vault's default is 10). Refuses to start with
 * a key file others can read, of the wrong size, or other than the key the stored secrets were sealed with.
 */
public final class SealedDatabaseSecretStore implements SecretStore {

    static final String KIND = "sealed-database";
    public static final int DEFAULT_MAX_VERSIONS = 10;

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final Path keyFile;
    private final SealedBox box;
    private final String keyId;
    private final Clock clock;
    private final int maxVersions;

    public SealedDatabaseSecretStore(DataSource dataSource, Path keyFile) {
        this(dataSource, keyFile, Clock.systemUTC(), DEFAULT_MAX_VERSIONS);
    }

    public SealedDatabaseSecretStore(DataSource dataSource, Path keyFile, Clock clock, int maxVersions) {
        if (maxVersions < 1) {
            throw new IllegalArgumentException("maxVersions must be at least 1, not " + maxVersions);
        }
        this.jdbc = JdbcClient.create(dataSource);
        this.transactions = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
        this.keyFile = keyFile.toAbsolutePath();
        this.clock = clock;
        this.maxVersions = maxVersions;
        var key = SecretKeyFile.loadOrCreate(this.keyFile);
        this.keyId = SecretKeyFile.keyId(key);
        this.box = new SealedBox(key);
        refuseOtherKeys();
    }

    @Override
    public SecretVersion write(SecretPath path, Map<String, String> data) {
        var plaintext = SecretCodec.encode(data);
        return database("write", path, () -> transactions.execute(status -> {
            // Writers of one path take turns, so each gets the next version number; other paths are not held up.
            jdbc.sql("SELECT count(*) FROM (SELECT pg_advisory_xact_lock(?)) AS locked")
                    .param(lockKey(path)).query(Long.class).single();
            long version = jdbc.sql("SELECT coalesce(max(version), 0) + 1 FROM sec_sealed_secret WHERE path = ?")
                    .param(path.value()).query(Long.class).single();
            var sealed = box.seal(path, version, plaintext);
            jdbc.sql("""
                            INSERT INTO sec_sealed_secret (path, version, created_at, key_id, nonce, ciphertext)
                            VALUES (?, ?, ?, ?, ?, ?)""")
                    .params(path.value(), version, now(), keyId, sealed.nonce(), sealed.ciphertext())
                    .update();
            jdbc.sql("DELETE FROM sec_sealed_secret WHERE path = ? AND version <= ?")
                    .params(path.value(), version - maxVersions).update();
            return new SecretVersion(version);
        }));
    }

    @Override
    public Optional<Secret> read(SecretPath path) {
        return database("read", path, () -> jdbc.sql("""
                        SELECT version, created_at, key_id, nonce, ciphertext FROM sec_sealed_secret
                        WHERE path = ? ORDER BY version DESC LIMIT 1""")
                .param(path.value()).query(this::row).optional()
                .map(row -> open(path, row)));
    }

    @Override
    public Optional<Secret> read(SecretPath path, long version) {
        SecretData.checkVersion(version);
        return database("read", path, () -> jdbc.sql("""
                        SELECT version, created_at, key_id, nonce, ciphertext FROM sec_sealed_secret
                        WHERE path = ? AND version = ?""")
                .params(path.value(), version).query(this::row).optional()
                .map(row -> open(path, row)));
    }

    @Override
    public void destroy(SecretPath path) {
        database("destroy", path, () -> jdbc.sql("DELETE FROM sec_sealed_secret WHERE path = ?")
                .param(path.value()).update());
    }

    @Override
    public List<String> list(SecretPath folder) {
        var prefix = folder.value() + "/";
        var paths = database("list", folder, () -> jdbc.sql(
                        "SELECT DISTINCT path FROM sec_sealed_secret WHERE starts_with(path, ?)")
                .param(prefix).query(String.class).list());
        var names = new TreeSet<String>();
        for (var path : paths) {
            var rest = path.substring(prefix.length());
            var slash = rest.indexOf('/');
            names.add(slash < 0 ? rest : rest.substring(0, slash + 1));
        }
        return List.copyOf(names);
    }

    @Override
    public StoreHealth health() {
        var where = "sealed database store, key file " + keyFile + " (key id " + keyId + ")";
        try {
            long rows = jdbc.sql("SELECT count(*) FROM sec_sealed_secret").query(Long.class).single();
            return new StoreHealth(KIND, true, false, where + ": " + rows + " secret version(s) stored");
        } catch (DataAccessException e) {
            return new StoreHealth(KIND, false, false, where + ": the database did not answer ("
                    + e.getMostSpecificCause().getClass().getSimpleName() + ")");
        }
    }

    @Override
    public String toString() {
        return "SealedDatabaseSecretStore[keyFile=" + keyFile + ", keyId=" + keyId + "]";
    }

    /** The id of the key in use; stored with every row. */
    String keyId() {
        return keyId;
    }

    private void refuseOtherKeys() {
        var others = database("check the key of", null, () -> jdbc.sql("""
                        SELECT key_id, count(*) AS versions FROM sec_sealed_secret WHERE key_id <> ?
                        GROUP BY key_id ORDER BY key_id""")
                .param(keyId).query((rs, n) -> rs.getString("key_id") + " (" + rs.getLong("versions") + " version(s))")
                .list());
        if (!others.isEmpty()) {
            throw new SecretKeyFileException("The database holds secrets sealed with key id(s) " + others
                    + ", but the key file " + keyFile + " holds key id " + keyId + ". Harbormaster will not start "
                    + "with a key that cannot open them: restore the key file that was used (from your backup of "
                    + "the Harbormaster home) or point harbormaster.secrets.sealed.key-file at it.");
        }
    }

    private Secret open(SecretPath path, StoredRow row) {
        if (!row.keyId().equals(keyId)) {
            throw new SecretKeyFileException("The secret at '" + path + "' version " + row.version() + " was sealed "
                    + "with key id " + row.keyId() + ", but the key file " + keyFile + " holds key id " + keyId
                    + ": restore the key file that sealed it.");
        }
        try {
            var data = SecretCodec.decode(box.open(path, row.version(), row.nonce(), row.ciphertext()));
            return new Secret(data, new SecretVersion(row.version()), row.createdAt());
        } catch (AEADBadTagException e) {
            throw new SecretIntegrityException("The secret at '" + path + "' version " + row.version() + " failed "
                    + "its integrity check: the row in sec_sealed_secret was altered or copied from another path or "
                    + "version. Its value is not used; restore the database from a backup or write the secret again.",
                    e);
        }
    }

    private StoredRow row(ResultSet rs, int rowNumber) throws SQLException {
        return new StoredRow(rs.getLong("version"), rs.getObject("created_at", OffsetDateTime.class).toInstant(),
                rs.getString("key_id"), rs.getBytes("nonce"), rs.getBytes("ciphertext"));
    }

    /** A 64-bit advisory lock key for the path, from a hash so that any path maps to a fixed-size key. */
    private static long lockKey(SecretPath path) {
        try {
            var hash = MessageDigest.getInstance("SHA-256")
                    .digest(("sec_sealed_secret:" + path.value()).getBytes(StandardCharsets.UTF_8));
            return ByteBuffer.wrap(hash).getLong();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JDK", e);
        }
    }

    private OffsetDateTime now() {
        // PostgreSQL keeps microseconds; truncating here makes the written and the read time the same.
        return clock.instant().truncatedTo(ChronoUnit.MICROS).atOffset(ZoneOffset.UTC);
    }

    private <T> T database(String operation, SecretPath path, Supplier<T> work) {
        var what = path == null ? "the sealed secrets" : "'" + path + "'";
        try {
            return work.get();
        } catch (DataAccessResourceFailureException | TransientDataAccessException e) {
            throw new SecretStoreUnreachableException("The database did not answer the " + operation + " of " + what
                    + " (" + e.getMostSpecificCause().getClass().getSimpleName() + "): check that PostgreSQL is "
                    + "running; the operation can be retried.", e);
        } catch (DataAccessException e) {
            throw new SecretStoreException("The database refused the " + operation + " of " + what + " ("
                    + e.getMostSpecificCause().getMessage() + "): check that migration V10 (sec_sealed_secret) "
                    + "has been applied.", e);
        }
    }

    private record StoredRow(long version, Instant createdAt, String keyId, byte[] nonce, byte[] ciphertext) {
    }
}
