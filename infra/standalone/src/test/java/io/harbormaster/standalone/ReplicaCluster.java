package io.harbormaster.standalone;

import io.harbormaster.command.secret.vault.VaultStandIn;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Harbormaster as a fleet runs it: N replica processes on one PostgreSQL of Debian's (a private server, which a test
 * may restart), secrets in the Vault stand-in (the sealed store's key file is per node, so replicas need Vault),
 * and Debian's HAProxy in front with the deployment's configuration. The replicas start at the same moment on the
 * empty database, as an orchestrator starts them; the one that made the first admin prints its one-time password,
 * with which the cluster signs in.
 */
final class ReplicaCluster implements AutoCloseable {

    private static final Pattern ONE_TIME_PASSWORD = Pattern.compile(
            "one-time password \\(it is shown only now\\):\\R\\s+(\\S+)");

    private final PrivatePostgres database;
    private final VaultStandIn vault;
    private final List<ReplicaProcess> replicas;
    private final HaproxyInFront balancer;
    private final String adminPassword;
    private final String adminToken;

    private ReplicaCluster(PrivatePostgres database, VaultStandIn vault, List<ReplicaProcess> replicas,
                           HaproxyInFront balancer, String adminPassword, String adminToken) {
        this.database = database;
        this.vault = vault;
        this.replicas = replicas;
        this.balancer = balancer;
        this.adminPassword = adminPassword;
        this.adminToken = adminToken;
    }

    /** {@code count} replicas with the tests' settings plus {@code extraSettings} ({@code --key=value}). */
    static ReplicaCluster start(int count, String... extraSettings) {
        PrivatePostgres database = null;
        VaultStandIn vault = null;
        var replicas = new ArrayList<ReplicaProcess>();
        try {
            database = PrivatePostgres.fresh();
            vault = VaultStandIn.start();
            // under target/, kept after the run: the replicas' logs are what a failed run is read from
            var directory = Files.createDirectories(Path.of("target", "replicas"));
            directory = Files.createTempDirectory(directory, "cluster-");
            var settings = new ArrayList<>(ReplicaProcess.testSettings(database.url(), database.user(),
                    database.password()));
            settings.addAll(List.of("--harbormaster.secrets.store=vault",
                    "--harbormaster.secrets.vault.address=" + vault.address(),
                    "--harbormaster.secrets.vault.token=" + vault.rootToken()));
            settings.addAll(List.of(extraSettings));
            for (int i = 1; i <= count; i++) {
                replicas.add(ReplicaProcess.start("harbormaster-" + i, directory, settings));
            }
            for (var replica : replicas) {
                replica.awaitReady(Duration.ofMinutes(4));
            }
            var balancer = HaproxyInFront.start(replicas);
            for (var replica : replicas) {
                balancer.awaitServer(replica.name(), "UP", Duration.ofSeconds(20));
            }
            var passwords = replicas.stream().map(replica -> ONE_TIME_PASSWORD.matcher(replica.output()))
                    .filter(java.util.regex.Matcher::find).map(matcher -> matcher.group(1)).toList();
            if (passwords.size() != 1) {
                throw new IllegalStateException("expected exactly one replica to make the first admin and print its "
                        + "one-time password, got " + passwords.size());
            }
            var password = passwords.getFirst();
            var token = new ApiClient(balancer.url(), "admin", password)
                    .post("/api/tokens", "{\"name\":\"replica-tests\",\"expiresInDays\":1}");
            if (token.status() != 201) {
                throw new IllegalStateException("could not make an API token: " + token.status() + " " + token.body());
            }
            return new ReplicaCluster(database, vault, replicas, balancer, password, token.text("token"));
        } catch (IOException e) {
            stopAll(replicas, vault, database);
            throw new UncheckedIOException(e);
        } catch (RuntimeException | Error e) {
            stopAll(replicas, vault, database);
            throw e;
        }
    }

    /** The admin through the load balancer, with an API token (no password hash per request). */
    ApiClient admin() {
        return ApiClient.bearer(balancer.url(), adminToken);
    }

    /** The admin on one replica directly. */
    ApiClient adminOn(ReplicaProcess replica) {
        return ApiClient.bearer(replica.url(), adminToken);
    }

    String adminPassword() {
        return adminPassword;
    }

    ReplicaProcess replica(int number) {
        return replicas.get(number - 1);
    }

    List<ReplicaProcess> replicas() {
        return List.copyOf(replicas);
    }

    HaproxyInFront balancer() {
        return balancer;
    }

    PrivatePostgres database() {
        return database;
    }

    JdbcClient jdbc() {
        return database.jdbc();
    }

    VaultStandIn vault() {
        return vault;
    }

    /** The replica whose node id owns segment {@code segment} of {@code processor} now, if any. */
    java.util.Optional<ReplicaProcess> owner(String processor, int segment) {
        var owner = jdbc().sql("SELECT owner FROM token_entry WHERE processor_name = ? AND segment = ?")
                .params(processor, segment).query(String.class).optional();
        return owner.flatMap(name -> replicas.stream().filter(replica -> replica.name().equals(name)).findFirst());
    }

    @Override
    public void close() {
        balancer.close();
        stopAll(replicas, vault, database);
    }

    private static void stopAll(List<ReplicaProcess> replicas, VaultStandIn vault, PrivatePostgres database) {
        replicas.forEach(ReplicaProcess::close);
        if (vault != null) {
            vault.close();
        }
        if (database != null) {
            database.close();
        }
    }
}
