package io.harbormaster.standalone.database;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Optional;

/**
 * The files Harbormaster keeps in the embedded data directory: the superuser's password (0600), the access rules
 * (password only, loopback only) and the server settings (durable, no socket file, no network beyond loopback).
 * The rules and settings are written on every start, so a data directory from an older version (trust, fsync off)
 * is brought up to date in place.
 */
record ServerFiles(Path dataDirectory) {

    static final String PASSWORD_FILE = "harbormaster-password";
    private static final String SETTINGS_FILE = "harbormaster.conf";
    private static final String HBA_MARK = "# Harbormaster: password only";
    private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
    private static final SecureRandom RANDOM = new SecureRandom();

    Path passwordFile() {
        return dataDirectory.resolve(PASSWORD_FILE);
    }

    Optional<String> password() throws IOException {
        var file = passwordFile();
        return Files.isRegularFile(file) ? Optional.of(Files.readString(file).strip()) : Optional.empty();
    }

    /** A new random password in {@code file}, created owner-read/write only before a byte is written. */
    static String newPassword(Path file) throws IOException {
        var password = new StringBuilder();
        for (int i = 0; i < 32; i++) {
            password.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        Files.deleteIfExists(file);
        Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.writeString(file, password + "\n", StandardCharsets.UTF_8, StandardOpenOption.TRUNCATE_EXISTING);
        return password.toString();
    }

    /** True when the access rules are the ones this class writes (an older version's data directory trusted all). */
    boolean accessRulesCurrent() throws IOException {
        var hba = dataDirectory.resolve("pg_hba.conf");
        return Files.isRegularFile(hba) && Files.readString(hba).startsWith(HBA_MARK);
    }

    void writeAccessRules() throws IOException {
        write("pg_hba.conf", HBA_MARK + " (scram-sha-256), from loopback only; rewritten on every start.\n"
                + "host all all 127.0.0.1/32 scram-sha-256\n");
    }

    /** Settings in a file of their own, included from postgresql.conf, so they win over the defaults written by initdb. */
    void writeSettings(int port) throws IOException {
        write(SETTINGS_FILE, """
                # Written by Harbormaster on every start; changes here are overwritten.
                listen_addresses = '127.0.0.1'
                port = %d
                unix_socket_directories = ''
                password_encryption = 'scram-sha-256'
                fsync = on
                full_page_writes = on
                synchronous_commit = on
                max_connections = 100
                timezone = 'UTC'
                logging_collector = on
                log_directory = 'log'
                log_filename = 'postgresql-%%a.log'
                log_truncate_on_rotation = on
                log_rotation_age = 1d
                log_rotation_size = 0
                """.formatted(port));
        var conf = dataDirectory.resolve("postgresql.conf");
        var include = "include_if_exists = '" + SETTINGS_FILE + "'";
        if (!Files.readString(conf).contains(include)) {
            Files.writeString(conf, "\n" + include + "\n", StandardOpenOption.APPEND);
        }
        Files.createDirectories(dataDirectory.resolve("log"));
    }

    private void write(String name, String content) throws IOException {
        var temporary = dataDirectory.resolve(name + ".new");
        Files.writeString(temporary, content);
        Files.move(temporary, dataDirectory.resolve(name), java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }
}
