package io.harbormaster.api.machine;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.HashSet;
import java.util.List;
import java.util.regex.Pattern;

/**
 * How Docker Engine is set up on a machine Harbormaster provisions, given at creation like docker-machine's
 * {@code --engine-opt}, {@code --engine-label}, {@code --engine-install-url} and {@code --tls-san}. Never secrets:
 * they are recorded in {@link MachineCreated} and shown with the machine.
 *
 * @param flags      dockerd options as {@code key=value} ({@code log-level=warn},
 *                   {@code default-ulimit=nofile=1024:2048}); see {@link EngineFlag} for the keys accepted and the
 *                   {@code daemon.json} keys they become
 * @param labels     daemon labels as {@code key=value}, beside the platform's own
 * @param installUrl a script (http or https) that installs Docker Engine on a host that has none, instead of the
 *                   platform's install command; null for the platform's
 * @param tlsSans    extra DNS names or IP addresses the machine's server certificate carries
 */
public record EngineOptions(List<String> flags, List<String> labels, String installUrl, List<String> tlsSans) {

    public static final int MAX_FLAGS = 32;
    public static final int MAX_LABELS = 32;
    public static final int MAX_TLS_SANS = 16;
    public static final int MAX_ENTRY_LENGTH = 512;
    public static final int MAX_INSTALL_URL_LENGTH = 2048;
    static final int MAX_LABEL_KEY_LENGTH = 128;
    static final int MAX_DNS_NAME_LENGTH = 253;

    private static final Pattern LABEL_KEY = Pattern.compile("^[^\\s=]+$");
    private static final String DNS_LABEL = "[A-Za-z0-9_]([A-Za-z0-9_-]{0,61}[A-Za-z0-9_])?";
    private static final Pattern DNS_NAME = Pattern.compile("^(\\*\\.)?" + DNS_LABEL + "(\\." + DNS_LABEL + ")*\\.?$");
    private static final Pattern IPV4 = Pattern.compile(
            "^((25[0-5]|2[0-4][0-9]|1[0-9]{2}|[1-9]?[0-9])\\.){3}(25[0-5]|2[0-4][0-9]|1[0-9]{2}|[1-9]?[0-9])$");
    private static final Pattern IPV6_CHARACTERS = Pattern.compile("^[0-9A-Fa-f:.]+$");

    public EngineOptions {
        flags = entries("flags", flags, MAX_FLAGS);
        labels = entries("labels", labels, MAX_LABELS);
        tlsSans = entries("tlsSans", tlsSans, MAX_TLS_SANS);
        installUrl = installUrl == null || installUrl.isBlank() ? null : installUrl.strip();
        checkFlags(flags);
        checkLabels(labels);
        checkInstallUrl(installUrl);
        checkTlsSans(tlsSans);
    }

    /** No engine options: the platform's settings alone. */
    public static EngineOptions none() {
        return new EngineOptions(List.of(), List.of(), null, List.of());
    }

    /** True when nothing is set. */
    @JsonIgnore
    public boolean isEmpty() {
        return flags.isEmpty() && labels.isEmpty() && installUrl == null && tlsSans.isEmpty();
    }

    /** The flags parsed into options and values, in the order given. */
    @JsonIgnore
    public List<EngineFlag.Setting> settings() {
        return flags.stream().map(EngineFlag::parse).toList();
    }

    private static List<String> entries(String part, List<String> given, int max) {
        if (given == null) {
            return List.of();
        }
        if (given.size() > max) {
            throw new InvalidEngineOptionsException(part, "at most " + max + " entries are allowed; got "
                    + given.size());
        }
        for (int i = 0; i < given.size(); i++) {
            var entry = given.get(i);
            var at = part + "[" + i + "]";
            if (entry == null || entry.isBlank()) {
                throw new InvalidEngineOptionsException(at, "must not be empty");
            }
            if (entry.length() > MAX_ENTRY_LENGTH) {
                throw new InvalidEngineOptionsException(at, "at most " + MAX_ENTRY_LENGTH + " characters");
            }
            refuseControlCharacters(at, entry);
        }
        return given.stream().map(String::strip).toList();
    }

    private static void checkFlags(List<String> flags) {
        var once = new HashSet<String>();
        for (int i = 0; i < flags.size(); i++) {
            EngineFlag.Setting setting;
            try {
                setting = EngineFlag.parse(flags.get(i));
            } catch (IllegalArgumentException e) {
                throw new InvalidEngineOptionsException("flags[" + i + "]", e.getMessage());
            }
            var kind = setting.option().kind();
            var single = kind == EngineFlag.Kind.STRING || kind == EngineFlag.Kind.BOOLEAN
                    || kind == EngineFlag.Kind.INTEGER;
            if (single && !once.add(setting.option().key())) {
                throw new InvalidEngineOptionsException("flags[" + i + "]", "'" + setting.option().flag()
                        + "' is given more than once (daemon.json key " + setting.option().key() + "); give it once");
            }
        }
    }

    private static void checkLabels(List<String> labels) {
        var keys = new HashSet<String>();
        for (int i = 0; i < labels.size(); i++) {
            var label = labels.get(i);
            var at = "labels[" + i + "]";
            var eq = label.indexOf('=');
            var key = eq < 0 ? label : label.substring(0, eq);
            if (eq <= 0 || key.length() > MAX_LABEL_KEY_LENGTH || !LABEL_KEY.matcher(key).matches()) {
                throw new InvalidEngineOptionsException(at, "'" + shorten(label) + "' is not a label: give key=value, "
                        + "the key 1 to " + MAX_LABEL_KEY_LENGTH + " characters without spaces, e.g. team=blue");
            }
            if (key.equals("provider") || key.startsWith("harbormaster.")) {
                throw new InvalidEngineOptionsException(at, "the label '" + key + "' is Harbormaster's own "
                        + "(provider=harbormaster, harbormaster.machine=<name>); choose another key");
            }
            if (!keys.add(key)) {
                throw new InvalidEngineOptionsException(at, "the label '" + key + "' is given more than once");
            }
        }
    }

    private static void checkInstallUrl(String installUrl) {
        if (installUrl == null) {
            return;
        }
        if (installUrl.length() > MAX_INSTALL_URL_LENGTH) {
            throw new InvalidEngineOptionsException("installUrl", "at most " + MAX_INSTALL_URL_LENGTH + " characters");
        }
        refuseControlCharacters("installUrl", installUrl);
        URI uri;
        try {
            uri = new URI(installUrl);
        } catch (URISyntaxException e) {
            throw new InvalidEngineOptionsException("installUrl", "'" + shorten(installUrl) + "' is not a URL: "
                    + e.getReason());
        }
        var scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(java.util.Locale.ROOT);
        if (!scheme.equals("https") && !scheme.equals("http") || uri.getHost() == null) {
            throw new InvalidEngineOptionsException("installUrl", "must be an http or https URL with a host, such "
                    + "as https://get.docker.com; got '" + shorten(installUrl) + "'");
        }
        if (uri.getRawUserInfo() != null) {
            throw new InvalidEngineOptionsException("installUrl", "must not hold credentials: engine options are "
                    + "recorded and shown with the machine");
        }
    }

    private static void checkTlsSans(List<String> sans) {
        for (int i = 0; i < sans.size(); i++) {
            var san = sans.get(i);
            if (!isIpAddress(san) && !(san.length() <= MAX_DNS_NAME_LENGTH && DNS_NAME.matcher(san).matches())) {
                throw new InvalidEngineOptionsException("tlsSans[" + i + "]", "'" + shorten(san) + "' is neither a "
                        + "DNS name nor an IP address; give a name such as docker.example.com or an address such as "
                        + "203.0.113.7");
            }
        }
    }

    private static boolean isIpAddress(String text) {
        var unbracketed = text.startsWith("[") && text.endsWith("]") ? text.substring(1, text.length() - 1) : text;
        if (IPV4.matcher(unbracketed).matches()) {
            return true;
        }
        if (!unbracketed.contains(":") || !IPV6_CHARACTERS.matcher(unbracketed).matches()) {
            return false;
        }
        try {
            // a literal with ':' is parsed, never looked up
            InetAddress.getByName(unbracketed);
            return true;
        } catch (UnknownHostException e) {
            return false;
        }
    }

    private static void refuseControlCharacters(String at, String text) {
        var index = io.harbormaster.api.common.ControlCharacters.first(text, "");
        if (index >= 0) {
            throw new InvalidEngineOptionsException(at,
                    io.harbormaster.api.common.ControlCharacters.refusal(text, index));
        }
    }

    private static String shorten(String value) {
        return value.length() <= 60 ? value : value.substring(0, 60) + "…";
    }
}
