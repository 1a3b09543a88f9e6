package io.harbormaster.standalone.database;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded PostgreSQL server of one Harbormaster home: password-protected, loopback only, durable. It can be
 * started again on the same port with the same password and data (the watchdog does so when it died), and a start
 * first stops a postmaster that an earlier, killed run of the platform left running on this data directory.
 */
final class EmbeddedPostgresServer implements AutoCloseable {

    static final String SUPERUSER = "postgres";
    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresServer.class);

    private final PostgresBinaries binaries;
    private final Path home;
    private final ServerFiles files;
    private final int port;
    private final FileChannel lockChannel;
    private final FileLock lock;
    private final PostgresProcesses processes;
    private volatile String password;
    private volatile long postmasterPid;

    private EmbeddedPostgresServer(Path home, PostgresBinaries binaries, int port, FileChannel lockChannel,
                                   FileLock lock) {
        this.home = home;
        this.binaries = binaries;
        this.files = new ServerFiles(home.resolve("postgres"));
        this.port = port;
        this.lockChannel = lockChannel;
        this.lock = lock;
        this.processes = new PostgresProcesses(binaries, files.dataDirectory());
    }

    /**
     * Takes the home's lock (held until {@link #close()}, released by the system if this process dies, which is how
     * a postmaster left behind is told from one a running platform uses) and unpacks the binaries.
     */
    static EmbeddedPostgresServer open(Path home, int port) throws IOException {
        Files.createDirectories(home);
        var channel = FileChannel.open(home.resolve("postgres.lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        FileLock lock;
        try {
            lock = channel.tryLock();
        } catch (java.nio.channels.OverlappingFileLockException e) {
            lock = null; // held by this same process
        }
        if (lock == null) {
            channel.close();
            throw new IllegalStateException("Another Harbormaster is running with its data in " + home
                    + "; stop it first, or start this one with another --harbormaster.home.");
        }
        var binaries = PostgresBinaries.unpackUnder(Files.createDirectories(home.resolve("postgresql-bin")));
        return new EmbeddedPostgresServer(home, binaries, port > 0 ? port : freePort(), channel, lock);
    }

    Path dataDirectory() {
        return files.dataDirectory();
    }

    int port() {
        return port;
    }

    String password() {
        return password;
    }

    String jdbcUrl(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
    }

    /** Starts the server (creating or upgrading the data directory first); does nothing when it already runs. */
    synchronized void start() throws IOException {
        if (isRunning()) {
            return;
        }
        processes.stopOrphanedPostmaster();
        if (Files.exists(dataDirectory().resolve("PG_VERSION"))) {
            secureExisting();
        } else {
            initialise();
        }
        files.writeSettings(port);
        processes.startPostmaster();
        postmasterPid = processes.postmasterPid().orElseThrow(
                () -> new IOException("PostgreSQL started but wrote no postmaster.pid in " + dataDirectory()));
        log.info("Embedded PostgreSQL runs as process {} on 127.0.0.1:{}", postmasterPid, port);
    }

    /** True while the postmaster this object started is alive. */
    boolean isRunning() {
        var pid = postmasterPid;
        return pid > 0 && ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    }

    void createDatabaseIfMissing(String database) throws IOException {
        try (var connection = DriverManager.getConnection(jdbcUrl("postgres"), SUPERUSER, password);
             var statement = connection.createStatement();
             var exists = statement.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + database + "'")) {
            if (!exists.next()) {
                statement.execute("CREATE DATABASE " + database);
            }
        } catch (SQLException e) {
            throw new IOException("Could not prepare the embedded database: " + e.getMessage(), e);
        }
    }

    private void initialise() throws IOException {
        var data = dataDirectory();
        Files.createDirectories(data);
        try (var entries = Files.list(data)) {
            if (entries.findAny().isPresent()) {
                throw new IOException(data + " holds files but no PostgreSQL data (no PG_VERSION); move it away "
                        + "and start again");
            }
        }
        // initdb wants an empty directory, so the password waits next to it until the cluster exists.
        var pending = home.resolve("postgres-password.new");
        password = ServerFiles.newPassword(pending);
        try {
            processes.initdb(pending);
            Files.move(pending, files.passwordFile());
        } finally {
            Files.deleteIfExists(pending);
        }
        files.writeAccessRules();
    }

    /**
     * An existing data directory: from an older version it trusted every local connection and the superuser has no
     * password, so one is set (in single-user mode, with no server listening) before the rules demand it.
     */
    private void secureExisting() throws IOException {
        var kept = files.password();
        var fresh = kept.isEmpty();
        password = fresh ? ServerFiles.newPassword(files.passwordFile()) : kept.get();
        if (fresh || !files.accessRulesCurrent()) {
            log.info("Securing the embedded PostgreSQL data in {}: setting the superuser password", dataDirectory());
            processes.setSuperuserPassword(password);
        }
        files.writeAccessRules();
    }

    @Override
    public synchronized void close() throws IOException {
        try {
            if (isRunning()) {
                processes.stopPostmaster(Duration.ofSeconds(60));
            }
            postmasterPid = 0;
        } finally {
            lock.release();
            lockChannel.close();
        }
    }

    private static int freePort() throws IOException {
        try (var socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
