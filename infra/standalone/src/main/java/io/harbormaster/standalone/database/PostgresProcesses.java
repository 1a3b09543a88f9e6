package io.harbormaster.standalone.database;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Runs PostgreSQL's own programs (initdb, pg_ctl, postgres in single-user mode) on one data directory. */
final class PostgresProcesses {

    private static final Logger log = LoggerFactory.getLogger(PostgresProcesses.class);
    private static final int START_ATTEMPTS = 5;

    private final PostgresBinaries binaries;
    private final Path data;

    PostgresProcesses(PostgresBinaries binaries, Path data) {
        this.binaries = binaries;
        this.data = data;
    }

    void initdb(Path passwordFile) throws IOException {
        run(binaries.command(binaries.initdb(), "-A", "scram-sha-256", "-U", EmbeddedPostgresServer.SUPERUSER,
                "--pwfile=" + passwordFile, "-D", data.toString(), "-E", "UTF-8"), null, Duration.ofMinutes(2));
    }

    /** Sets the superuser's password without a server: single-user mode reads the statement from standard input. */
    void setSuperuserPassword(String password) throws IOException {
        // Never log the statement (it holds the password), not even when it fails.
        var output = run(binaries.command(binaries.postgres(), "--single", "-D", data.toString(),
                        "-c", "log_min_error_statement=panic", "-c", "log_statement=none", "postgres"),
                "SET password_encryption = 'scram-sha-256';\nALTER ROLE " + EmbeddedPostgresServer.SUPERUSER
                        + " PASSWORD '" + password + "';\n", Duration.ofMinutes(2));
        if (output.contains("ERROR")) {
            throw new IOException("Could not set the embedded PostgreSQL password: "
                    + output.replace(password, "****"));
        }
    }

    /** {@code pg_ctl start}, again after a pause when the previous server's processes are still going away. */
    void startPostmaster() throws IOException {
        var logFile = data.resolve("log/startup.log");
        for (int attempt = 1; ; attempt++) {
            try {
                run(binaries.command(binaries.pgCtl(), "start", "-D", data.toString(), "-w", "-t", "60", "-s",
                        "-l", logFile.toString()), null, Duration.ofSeconds(90));
                return;
            } catch (IOException e) {
                if (attempt == START_ATTEMPTS) {
                    throw new IOException(e.getMessage() + "\n" + tail(logFile), e);
                }
                log.warn("Embedded PostgreSQL did not start (attempt {} of {}), trying again: {}", attempt,
                        START_ATTEMPTS, e.getMessage());
                pause(Duration.ofSeconds(1));
            }
        }
    }

    void stopPostmaster(Duration patience) throws IOException {
        run(binaries.command(binaries.pgCtl(), "stop", "-D", data.toString(), "-m", "fast", "-w", "-t",
                Long.toString(patience.toSeconds()), "-s"), null, patience.plusSeconds(10));
    }

    /** The postmaster named in postmaster.pid, if that process is alive and is a PostgreSQL server. */
    OptionalLong postmasterPid() throws IOException {
        var pidFile = data.resolve("postmaster.pid");
        if (!Files.isRegularFile(pidFile)) {
            return OptionalLong.empty();
        }
        var lines = Files.readAllLines(pidFile);
        if (lines.isEmpty() || !lines.getFirst().strip().matches("\\d+")) {
            return OptionalLong.empty();
        }
        long pid = Long.parseLong(lines.getFirst().strip());
        return ProcessHandle.of(pid).filter(ProcessHandle::isAlive).filter(PostgresProcesses::isPostgres).isPresent()
                ? OptionalLong.of(pid) : OptionalLong.empty();
    }

    /**
     * A platform killed with {@code kill -9} leaves its postmaster running, which holds postmaster.pid and the port:
     * stop it cleanly (a fast shutdown, as pg_ctl does), then by SIGTERM, before starting a new one.
     */
    void stopOrphanedPostmaster() throws IOException {
        var pid = postmasterPid();
        if (pid.isEmpty()) {
            return;
        }
        log.warn("Stopping the embedded PostgreSQL (process {}) left running by an earlier run of the platform",
                pid.getAsLong());
        try {
            stopPostmaster(Duration.ofSeconds(30));
        } catch (IOException e) {
            log.warn("pg_ctl stop failed ({}); sending SIGTERM to process {}", e.getMessage(), pid.getAsLong());
        }
        var handle = ProcessHandle.of(pid.getAsLong());
        if (handle.isPresent() && handle.get().isAlive()) {
            handle.get().destroy();
            try {
                handle.get().onExit().get(30, TimeUnit.SECONDS);
            } catch (TimeoutException | java.util.concurrent.ExecutionException e) {
                throw new IOException("PostgreSQL process " + pid.getAsLong() + " of " + data
                        + " does not stop; stop it and start Harbormaster again");
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("Interrupted while stopping PostgreSQL process " + pid.getAsLong(), e);
            }
        }
    }

    private static boolean isPostgres(ProcessHandle process) {
        return process.info().command().map(Path::of).map(Path::getFileName).map(Path::toString)
                .filter("postgres"::equals).isPresent();
    }

    private static String run(List<String> command, String input, Duration timeout) throws IOException {
        var process = new ProcessBuilder(new ArrayList<>(command)).redirectErrorStream(true).start();
        try (var stdin = process.getOutputStream()) {
            if (input != null) {
                stdin.write(input.getBytes(StandardCharsets.UTF_8));
            }
        }
        var output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        try {
            if (!process.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IOException(programName(command) + " did not finish within " + timeout);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("Interrupted while running " + command.getFirst(), e);
        }
        if (process.exitValue() != 0) {
            throw new IOException(programName(command) + " failed (exit "
                    + process.exitValue() + "): " + output.strip());
        }
        return output;
    }

    private static String programName(List<String> command) {
        return command.stream().filter(part -> part.contains("/")).findFirst().map(Path::of).map(Path::getFileName)
                .map(Path::toString).orElse(command.getFirst());
    }

    private static String tail(Path logFile) {
        try {
            var lines = Files.readAllLines(logFile);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 10), lines.size()));
        } catch (IOException e) {
            return "";
        }
    }

    private static void pause(Duration duration) throws IOException {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("Interrupted while starting PostgreSQL", e);
        }
    }
}
