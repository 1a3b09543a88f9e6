package io.harbormaster.api.machine;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A dockerd option that an engine flag ({@code --engine-opt key=value}) may set, and the {@code daemon.json} key it
 * becomes. docker-machine passed {@code --engine-opt k=v} to dockerd as {@code --k=v}; Harbormaster writes every flag
 * into {@code /etc/docker/daemon.json} instead, the one place dockerd reads whatever starts it (systemd, Debian's init
 * script, OpenRC, dockerd run by hand). dockerd refuses a configuration file with a key it does not know, so only the
 * options listed here are accepted, each checked against the form its key needs.
 *
 * @param flag    the dockerd flag name, e.g. {@code registry-mirror}
 * @param key     the {@code daemon.json} key, e.g. {@code registry-mirrors}
 * @param kind    how values become JSON
 */
public record EngineFlag(String flag, String key, Kind kind) {

    /** How a flag's value is written into {@code daemon.json}. */
    public enum Kind {
        /** a string, given once */
        STRING,
        /** {@code true} or {@code false} (a bare {@code debug} means true), given once */
        BOOLEAN,
        /** an integer, given once */
        INTEGER,
        /** repeatable: each value one element of an array of strings */
        LIST,
        /** repeatable: {@code name=value}, each an entry of an object of strings ({@code log-opt=max-size=10m}) */
        MAP,
        /** repeatable: {@code name=soft[:hard]}, each an entry of {@code default-ulimits} */
        ULIMIT
    }

    private static final Map<String, EngineFlag> KNOWN = new LinkedHashMap<>();
    private static final Set<String> LOG_LEVELS = Set.of("debug", "info", "warn", "error", "fatal");
    private static final Pattern INTEGER = Pattern.compile("^-?[0-9]{1,9}$");
    private static final Pattern ULIMIT = Pattern.compile("^([a-z]+)=(-?[0-9]{1,18})(:(-?[0-9]{1,18}))?$");

    /** dockerd's own flags for what Harbormaster configures itself: TLS, where it listens, live-restore. */
    private static final Set<String> OWNED = Set.of("host", "H", "hosts", "tls", "tlsverify", "tlscacert", "tlscert",
            "tlskey", "live-restore", "containerd", "config-file", "validate");

    static {
        for (var flag : List.of("log-level", "log-driver", "storage-driver", "data-root", "exec-root", "pidfile",
                "bip", "fixed-cidr", "fixed-cidr-v6", "default-gateway", "default-gateway-v6", "ip", "bridge",
                "userns-remap", "cgroup-parent", "default-runtime", "seccomp-profile", "default-shm-size",
                "metrics-addr", "default-cgroupns-mode", "default-ipc-mode", "group")) {
            add(flag, flag, Kind.STRING);
        }
        add("graph", "data-root", Kind.STRING);
        for (var flag : List.of("debug", "experimental", "ipv6", "iptables", "ip-forward", "ip-masq", "icc",
                "userland-proxy", "selinux-enabled", "init", "no-new-privileges", "raw-logs")) {
            add(flag, flag, Kind.BOOLEAN);
        }
        add("D", "debug", Kind.BOOLEAN);
        for (var flag : List.of("max-concurrent-downloads", "max-concurrent-uploads", "max-download-attempts", "mtu",
                "shutdown-timeout", "oom-score-adjust")) {
            add(flag, flag, Kind.INTEGER);
        }
        add("dns", "dns", Kind.LIST);
        add("dns-search", "dns-search", Kind.LIST);
        add("dns-opt", "dns-opts", Kind.LIST);
        add("registry-mirror", "registry-mirrors", Kind.LIST);
        add("insecure-registry", "insecure-registries", Kind.LIST);
        add("storage-opt", "storage-opts", Kind.LIST);
        add("exec-opt", "exec-opts", Kind.LIST);
        add("authorization-plugin", "authorization-plugins", Kind.LIST);
        add("log-opt", "log-opts", Kind.MAP);
        add("default-ulimit", "default-ulimits", Kind.ULIMIT);
    }

    private static void add(String flag, String key, Kind kind) {
        KNOWN.put(flag, new EngineFlag(flag, key, kind));
    }

    /** The option named {@code flag} (without dashes), if an engine flag may set it. */
    public static Optional<EngineFlag> find(String flag) {
        return Optional.ofNullable(KNOWN.get(flag));
    }

    /** Every flag name an engine flag may use, in a stable order. */
    public static List<String> names() {
        return List.copyOf(KNOWN.keySet());
    }

    /**
     * Splits {@code key=value} (a bare {@code key} for a boolean means true) and checks the key and the value;
     * answers the option and its value. The message of a refusal says what would be accepted.
     */
    public static Setting parse(String text) {
        var eq = text.indexOf('=');
        var name = (eq < 0 ? text : text.substring(0, eq)).strip();
        while (name.startsWith("-")) {
            name = name.substring(1);
        }
        if (OWNED.contains(name)) {
            throw new IllegalArgumentException("'" + name + "' is set by Harbormaster itself (TLS, the addresses "
                    + "dockerd listens on, live-restore and containerd); leave it out");
        }
        if (name.equals("label") || name.equals("labels")) {
            throw new IllegalArgumentException("give daemon labels as engineOptions.labels (key=value), not as a flag");
        }
        var flag = find(name).orElseThrow(() -> new IllegalArgumentException("'" + shorten(text) + "' is not a "
                + "dockerd option Harbormaster can set; use key=value with one of " + String.join(", ", names())));
        if (eq < 0) {
            if (flag.kind == Kind.BOOLEAN) {
                return new Setting(flag, "true");
            }
            throw new IllegalArgumentException("'" + name + "' needs a value: " + name + "=<value>");
        }
        var value = text.substring(eq + 1).strip();
        flag.check(value);
        return new Setting(flag, value);
    }

    private void check(String value) {
        var valid = switch (kind) {
            case STRING, LIST -> !value.isEmpty() && (!flag.equals("log-level") || LOG_LEVELS.contains(value));
            case BOOLEAN -> value.equals("true") || value.equals("false");
            case INTEGER -> INTEGER.matcher(value).matches();
            case MAP -> value.indexOf('=') > 0;
            case ULIMIT -> ULIMIT.matcher(value).matches();
        };
        if (!valid) {
            throw new IllegalArgumentException("'" + flag + "=" + shorten(value) + "': " + flag + " needs " + switch (kind) {
                case STRING -> flag.equals("log-level") ? "one of " + String.join(", ", sorted(LOG_LEVELS)) : "a value";
                case LIST -> "a value";
                case BOOLEAN -> "true or false";
                case INTEGER -> "an integer";
                case MAP -> "name=value, e.g. " + flag + "=max-size=10m";
                case ULIMIT -> "name=soft[:hard], e.g. " + flag + "=nofile=1024:2048";
            });
        }
    }

    /** The soft and hard limit of a {@link Kind#ULIMIT} value ({@code nofile=1024:2048}); hard is soft when left out. */
    public static long[] ulimit(String value) {
        var matcher = ULIMIT.matcher(value);
        if (!matcher.matches()) {
            throw new IllegalArgumentException("not name=soft[:hard]: " + value);
        }
        var soft = Long.parseLong(matcher.group(2));
        var hard = matcher.group(4) == null ? soft : Long.parseLong(matcher.group(4));
        return new long[] {soft, hard};
    }

    private static List<String> sorted(Set<String> values) {
        var array = values.toArray(String[]::new);
        Arrays.sort(array);
        return List.of(array);
    }

    private static String shorten(String value) {
        return value.length() <= 60 ? value : value.substring(0, 60) + "…";
    }

    /** One parsed engine flag: the option and its value as text. */
    public record Setting(EngineFlag option, String value) {
    }
}
