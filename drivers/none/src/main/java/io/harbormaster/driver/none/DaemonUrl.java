package io.harbormaster.driver.none;

import io.harbormaster.api.machine.DriverOptions;
import io.harbormaster.driver.InvalidDriverOptionsException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/** The {@code url} option of a none machine, checked the way docker-machine users expect: {@code tcp://host:port}. */
record DaemonUrl(String host, int port) {

    static final String OPTION = "url";
    private static final String EXAMPLE = "tcp://10.0.0.5:2376";

    /** Reads and checks the options; throws {@link InvalidDriverOptionsException} naming the bad option. */
    static DaemonUrl from(DriverOptions options) {
        for (var name : options.values().keySet()) {
            if (!OPTION.equals(name)) {
                throw new InvalidDriverOptionsException(name,
                        "The none driver has no option '" + name + "'. Its only option is 'url', like " + EXAMPLE);
            }
        }
        var raw = options.get(OPTION);
        if (raw == null || raw.isBlank()) {
            throw new InvalidDriverOptionsException(OPTION,
                    "The none driver needs the option 'url': the URL of an existing Docker daemon, like " + EXAMPLE);
        }
        return parse(raw.strip());
    }

    private static DaemonUrl parse(String raw) {
        if (!raw.contains("://")) {
            // "10.0.0.5:2376" is the most common slip; say what is missing rather than "not a valid URL"
            throw bad("the URL must use the tcp scheme, like " + EXAMPLE + "; got '" + shorten(raw) + "'");
        }
        URI uri;
        try {
            uri = new URI(raw);
        } catch (URISyntaxException e) {
            throw bad("'" + shorten(raw) + "' is not a valid URL; use tcp://host:port, like " + EXAMPLE);
        }
        if (uri.getScheme() == null || !"tcp".equals(uri.getScheme().toLowerCase(Locale.ROOT))) {
            throw bad("the URL must use the tcp scheme, like " + EXAMPLE + "; got '" + shorten(raw) + "'");
        }
        if (uri.getHost() == null || uri.getHost().isBlank()) {
            throw bad("the URL must name a host, like " + EXAMPLE + "; got '" + shorten(raw) + "'");
        }
        if (uri.getPort() == -1) {
            throw bad("the URL must give the daemon's port, like " + EXAMPLE + "; got '" + shorten(raw) + "'");
        }
        if (uri.getPort() < 1 || uri.getPort() > 65535) {
            throw bad("the port must be between 1 and 65535; got " + uri.getPort());
        }
        var hasPath = uri.getRawPath() != null && !uri.getRawPath().isEmpty() && !"/".equals(uri.getRawPath());
        if (uri.getRawUserInfo() != null || hasPath || uri.getRawQuery() != null || uri.getRawFragment() != null) {
            throw bad("the URL must be just tcp://host:port, without user, path or query, like " + EXAMPLE);
        }
        return new DaemonUrl(uri.getHost(), uri.getPort());
    }

    private static InvalidDriverOptionsException bad(String problem) {
        return new InvalidDriverOptionsException(OPTION, "Invalid option 'url' for the none driver: " + problem);
    }

    private static String shorten(String value) {
        return value.length() <= 80 ? value : value.substring(0, 80) + "…";
    }

    /** The host without IPv6 brackets, as sockets and certificates want it. */
    @Override
    public String host() {
        return host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    }

    @Override
    public String toString() {
        return "tcp://" + host + ":" + port;
    }
}
