package io.harbormaster.command.ssh;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A host's SSH public key as it is pinned: its type ({@code ssh-ed25519}, {@code ecdsa-sha2-nistp256},
 * {@code ssh-rsa}, …) and its {@code SHA256:…} fingerprint, as {@code ssh-keygen -lf} prints it. The type is kept so
 * that later connections ask the host for the same kind of key when it has several.
 */
public record HostKey(String type, String fingerprint) {

    private static final Pattern FINGERPRINT = Pattern.compile("SHA256:[A-Za-z0-9+/]{43}");

    public HostKey {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(fingerprint, "fingerprint");
        if (type.isBlank() || type.contains(" ")) {
            throw new IllegalArgumentException("a host key type is one word like ssh-ed25519, not '" + type + "'");
        }
        if (!FINGERPRINT.matcher(fingerprint).matches()) {
            throw new IllegalArgumentException("a host key fingerprint looks like SHA256: and 43 base64 characters, "
                    + "as ssh-keygen -lf prints it; got '" + fingerprint + "'");
        }
    }

    /** Reads the {@link #toString()} form, {@code <type> SHA256:…}. */
    public static HostKey parse(String text) {
        var parts = Objects.requireNonNull(text, "text").strip().split("\\s+");
        if (parts.length != 2) {
            throw new IllegalArgumentException("expected '<type> SHA256:…' for a host key, got '" + text + "'");
        }
        return new HostKey(parts[0], parts[1]);
    }

    /** The file OpenSSH keeps this key in on a Debian-like host, for messages that tell users where to look. */
    String hostKeyFile() {
        var name = switch (type) {
            case "ssh-ed25519" -> "ed25519";
            case "ssh-rsa" -> "rsa";
            default -> type.startsWith("ecdsa-") ? "ecdsa" : type;
        };
        return "/etc/ssh/ssh_host_" + name + "_key.pub";
    }

    @Override
    public String toString() {
        return type + " " + fingerprint;
    }
}
