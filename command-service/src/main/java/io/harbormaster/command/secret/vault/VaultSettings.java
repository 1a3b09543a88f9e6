package io.harbormaster.command.secret.vault;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Where and how to reach Vault: the address, how to log in, the KV version 2 mount (default {@code secret}), the
 * prefix every Harbormaster path goes under (default {@code harbormaster}), the Enterprise namespace (sent as
 * {@code X-Vault-Namespace}; null for none), timeouts and retries. {@code toString} never shows a credential.
 */
public record VaultSettings(URI address, VaultAuth auth, String mount, String pathPrefix, String namespace,
                            Duration connectTimeout, Duration readTimeout, RetryPolicy retries) {

    private static final Pattern PATH = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9._-]*(/[A-Za-z0-9_][A-Za-z0-9._-]*)*");

    public VaultSettings {
        Objects.requireNonNull(address,
                "harbormaster.secrets.vault.address is not set (e.g. https://vault.example:8200)");
        if (address.getScheme() == null || !address.getScheme().matches("https?") || address.getHost() == null) {
            throw new IllegalArgumentException("harbormaster.secrets.vault.address '" + address
                    + "' is not an http(s) URL such as https://vault.example:8200");
        }
        Objects.requireNonNull(auth, "auth");
        mount = path(mount, "secret", "mount");
        pathPrefix = path(pathPrefix, "harbormaster", "path-prefix");
        namespace = namespace == null || namespace.isBlank() ? null : namespace.strip();
        connectTimeout = connectTimeout == null ? Duration.ofSeconds(5) : connectTimeout;
        readTimeout = readTimeout == null ? Duration.ofSeconds(15) : readTimeout;
        retries = retries == null ? RetryPolicy.DEFAULT : retries;
    }

    /** Token login with the defaults for everything else. */
    public static VaultSettings of(URI address, VaultAuth auth) {
        return new VaultSettings(address, auth, null, null, null, null, null, null);
    }

    /** The same settings with other retries. */
    public VaultSettings withRetries(RetryPolicy policy) {
        return new VaultSettings(address, auth, mount, pathPrefix, namespace, connectTimeout, readTimeout, policy);
    }

    /** The same settings with another path prefix. */
    public VaultSettings withPathPrefix(String prefix) {
        return new VaultSettings(address, auth, mount, prefix, namespace, connectTimeout, readTimeout, retries);
    }

    /** The same settings with another login. */
    public VaultSettings withAuth(VaultAuth other) {
        return new VaultSettings(address, other, mount, pathPrefix, namespace, connectTimeout, readTimeout, retries);
    }

    /** The same settings with another address. */
    public VaultSettings withAddress(URI other) {
        return new VaultSettings(other, auth, mount, pathPrefix, namespace, connectTimeout, readTimeout, retries);
    }

    /** The same settings with an Enterprise namespace. */
    public VaultSettings withNamespace(String other) {
        return new VaultSettings(address, auth, mount, pathPrefix, other, connectTimeout, readTimeout, retries);
    }

    /** The address without a trailing slash, as the driver joins {@code /v1/...} to it. */
    String baseAddress() {
        var text = address.toString();
        return text.endsWith("/") ? text.substring(0, text.length() - 1) : text;
    }

    private static String path(String value, String fallback, String property) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        var trimmed = value.strip();
        while (trimmed.startsWith("/")) {
            trimmed = trimmed.substring(1);
        }
        while (trimmed.endsWith("/")) {
            trimmed = trimmed.substring(0, trimmed.length() - 1);
        }
        if (!PATH.matcher(trimmed).matches() || trimmed.contains("..")) {
            throw new IllegalArgumentException("harbormaster.secrets.vault." + property + " '" + value
                    + "' is not a plain path: use letters, digits, '.', '_', '-' and '/'");
        }
        return trimmed;
    }

    @Override
    public String toString() {
        return "VaultSettings[address=" + address + ", auth=" + auth + ", mount=" + mount + ", pathPrefix="
                + pathPrefix + ", namespace=" + namespace + ", connectTimeout=" + connectTimeout + ", readTimeout="
                + readTimeout + ", retries=" + retries + "]";
    }
}
