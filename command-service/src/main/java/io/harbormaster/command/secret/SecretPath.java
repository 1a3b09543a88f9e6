package io.harbormaster.command.secret;

import io.harbormaster.api.machine.MachineId;
import io.harbormaster.api.team.TeamId;
import java.util.regex.Pattern;

/**
 * Where a secret lives, relative to the store's root ({@code harbormaster/} in Vault): segments of letters, digits,
 * {@code .}, {@code _} and {@code -} joined by {@code /}. The rules keep a path from climbing out of the store's prefix
 * ({@code ..}), from being absolute, and from needing URL encoding. A path is not secret: it names machines and teams.
 */
public record SecretPath(String value) {

    static final int MAX_LENGTH = 512;
    private static final int MAX_SEGMENT = 128;
    private static final Pattern SEGMENT = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9._-]*");

    public SecretPath {
        if (value == null || value.isEmpty()) {
            throw new IllegalArgumentException("a secret path must not be empty");
        }
        if (value.length() > MAX_LENGTH) {
            throw new IllegalArgumentException("secret path is longer than " + MAX_LENGTH + " characters");
        }
        if (value.startsWith("/") || value.endsWith("/")) {
            throw new IllegalArgumentException("secret path '" + value + "' must not start or end with '/': "
                    + "paths are relative to the store's prefix");
        }
        if (value.contains("..")) {
            throw new IllegalArgumentException("secret path '" + value + "' must not contain '..'");
        }
        for (var segment : value.split("/", -1)) {
            requireSegment(segment, "secret path '" + value + "'");
        }
    }

    /** Any path that follows the rules, e.g. a folder to list. */
    public static SecretPath of(String value) {
        return new SecretPath(value);
    }

    /** The folder holding one sub-folder per machine. */
    public static SecretPath machines() {
        return new SecretPath("machines");
    }

    /** A machine's TLS material: CA certificate and key, server certificate and key. */
    public static SecretPath machineTls(MachineId machine) {
        return new SecretPath("machines/" + machine.value() + "/tls");
    }

    /** A machine's SSH key pair and host key fingerprint. */
    public static SecretPath machineSsh(MachineId machine) {
        return new SecretPath("machines/" + machine.value() + "/ssh");
    }

    /** A machine's SSH user certificate authority: the Ed25519 key that signs its users' SSH certificates. */
    public static SecretPath machineSshUserCa(MachineId machine) {
        return new SecretPath("machines/" + machine.value() + "/ssh-user-ca");
    }

    /** The folder of a team's cloud credentials. */
    public static SecretPath teamCredentials(TeamId team) {
        return new SecretPath("teams/" + team.value() + "/credentials");
    }

    /** One named cloud credential of a team; the name is a single segment. */
    public static SecretPath teamCredential(TeamId team, String name) {
        requireSegment(name, "credential name");
        return new SecretPath("teams/" + team.value() + "/credentials/" + name);
    }

    /** This path with {@code name} (one segment) appended. */
    public SecretPath child(String name) {
        requireSegment(name, "path segment");
        return new SecretPath(value + "/" + name);
    }

    private static void requireSegment(String segment, String what) {
        if (segment == null || segment.isEmpty() || segment.length() > MAX_SEGMENT
                || !SEGMENT.matcher(segment).matches() || segment.contains("..")) {
            throw new IllegalArgumentException(what + " has a bad segment '" + abbreviate(segment) + "': use 1 to "
                    + MAX_SEGMENT + " letters, digits, '.', '_' or '-', not starting with '.' or '-'");
        }
    }

    private static String abbreviate(String text) {
        if (text == null) {
            return "null";
        }
        return text.length() <= 40 ? text : text.substring(0, 40) + "…";
    }

    @Override
    public String toString() {
        return value;
    }
}
