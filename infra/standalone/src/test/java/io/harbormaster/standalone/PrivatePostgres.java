package io.harbormaster.standalone;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * Debian's PostgreSQL as a server of its own for one test class: its own data directory and port on loopback, so a
 * test may restart or stop it under load without touching the shared server every other test uses. As root the
 * programs run as the {@code postgres} user, which Debian's package creates (PostgreSQL refuses to run as root).
 */
final class PrivatePostgres implements AutoCloseable {

    private static final boolean AS_ROOT = "root".equals(System.getProperty("user.name"));

    private final Path bin;
    private final Path data;
    private final int port;

    private PrivatePostgres(Path bin, Path data, int port) {
        this.bin = bin;
        this.data = data;
        this.port = port;
    }

    /** A new cluster, started; {@code settings} are postgresql.conf lines. */
    static PrivatePostgres fresh(String... settings) {
        try {
            var data = Files.createTempDirectory("hm-private-pg");
            var postgres = new PrivatePostgres(binaries(), data.resolve("cluster"), freePort());
            if (AS_ROOT) {
                run(List.of("chown", "postgres:postgres", data.toString()));
            }
            postgres.pg("initdb", "-D", postgres.data.toString(), "-U", "postgres", "-A", "trust", "-E", "UTF8",
                    "--no-sync");
            var conf = new StringBuilder("""
                    listen_addresses = '127.0.0.1'
                    port = %d
                    unix_socket_directories = '%s'
                    max_connections = 300
                    """.formatted(postgres.port, postgres.data));
            for (var setting : settings) {
                conf.append(setting).append('\n');
            }
            postgres.pg("sh", "-c", "cat >> " + postgres.data.resolve("postgresql.conf") + " <<'EOF'\n" + conf
                    + "EOF");
            postgres.start();
            return postgres;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String url() {
        return "jdbc:postgresql://127.0.0.1:" + port + "/postgres";
    }

    String user() {
        return "postgres";
    }

    /** Any password: the cluster trusts loopback. */
    String password() {
        return "unused-the-cluster-trusts-loopback";
    }

    JdbcClient jdbc() {
        return JdbcClient.create(dataSource());
    }

    DataSource dataSource() {
        return new DriverManagerDataSource(url(), user(), password());
    }

    void start() {
        pg(bin.resolve("pg_ctl").toString(), "-D", data.toString(), "-l", data.resolve("server.log").toString(),
                "-w", "-t", "60", "start");
    }

    /** What {@code systemctl restart postgresql} does: a fast shutdown (clients cut off, a checkpoint), a start. */
    void restart() {
        pg(bin.resolve("pg_ctl").toString(), "-D", data.toString(), "-l", data.resolve("server.log").toString(),
                "-m", "fast", "-w", "-t", "60", "restart");
    }

    /**
     * CPU time PostgreSQL used so far (user and system), from /proc: the postmaster, its live backends, and the
     * backends that ended (counted in the postmaster's children's time once it reaped them).
     */
    double cpuSeconds() {
        try {
            var postmaster = Long.parseLong(Files.readAllLines(data.resolve("postmaster.pid")).getFirst().trim());
            double ticks = 0;
            try (var processes = Files.list(Path.of("/proc"))) {
                for (var process : processes.filter(p -> p.getFileName().toString().matches("\\d+")).toList()) {
                    String stat;
                    try {
                        stat = Files.readString(process.resolve("stat"));
                    } catch (IOException gone) {
                        continue;
                    }
                    var fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    var pid = Long.parseLong(process.getFileName().toString());
                    var parent = Long.parseLong(fields[1]);
                    if (pid == postmaster) {
                        ticks += Long.parseLong(fields[11]) + Long.parseLong(fields[12]) + Long.parseLong(fields[13])
                                + Long.parseLong(fields[14]);
                    } else if (parent == postmaster) {
                        ticks += Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
                    }
                }
            }
            return ticks / 100.0; // USER_HZ
        } catch (IOException e) {
            return 0;
        }
    }

    @Override
    public void close() {
        if (Files.exists(data.resolve("postmaster.pid"))) {
            pg(bin.resolve("pg_ctl").toString(), "-D", data.toString(), "-m", "immediate", "-w", "stop");
        }
        try (Stream<Path> files = Files.walk(data.getParent())) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void pg(String program, String... arguments) {
        var command = new ArrayList<String>();
        if (AS_ROOT) {
            command.addAll(List.of("runuser", "-u", "postgres", "--"));
        }
        command.add(program.contains("/") || program.equals("sh") ? program : bin.resolve(program).toString());
        command.addAll(List.of(arguments));
        run(command);
    }

    private static void run(List<String> command) {
        try {
            var process = new ProcessBuilder(command).redirectErrorStream(true).start();
            var output = new String(process.getInputStream().readAllBytes());
            if (!process.waitFor(2, TimeUnit.MINUTES) || process.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " failed: " + output);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The newest PostgreSQL under /usr/lib/postgresql (Debian's layout). */
    private static Path binaries() throws IOException {
        try (var versions = Files.list(Path.of("/usr/lib/postgresql"))) {
            return versions.filter(version -> Files.isExecutable(version.resolve("bin/pg_ctl")))
                    .max(Comparator.comparingInt(version -> Integer.parseInt(version.getFileName().toString())))
                    .map(version -> version.resolve("bin"))
                    .orElseThrow(() -> new IllegalStateException("no PostgreSQL under /usr/lib/postgresql: "
                            + "apt-get install postgresql"));
        }
    }

    private static int freePort() throws IOException {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
