package io.harbormaster.cli.server;

import io.harbormaster.cli.HmException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/** The server's base URL, checked once so that every later message can show it without leaking anything. */
record ServerAddress(URI base) {

    static ServerAddress parse(String value) {
        var trimmed = value.strip();
        while (trimmed.endsWith("/")) {
            trimmed = trimmed.substring(0, trimmed.length() - 1);
        }
        if (trimmed.contains("@")) {
            // Credentials in a URL end up in shell history and logs, and we would echo them in messages.
            throw new HmException("Put credentials in HM_USER and HM_PASSWORD, not in the server URL.");
        }
        try {
            var uri = new URI(trimmed);
            var scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null
                    || uri.getRawQuery() != null || uri.getRawFragment() != null) {
                throw new HmException(invalid(trimmed));
            }
            return new ServerAddress(uri);
        } catch (URISyntaxException e) {
            throw new HmException(invalid(trimmed));
        }
    }

    URI resolve(String pathAndQuery) {
        return URI.create(base + pathAndQuery);
    }

    @Override
    public String toString() {
        return base.toString();
    }

    private static String invalid(String shown) {
        return "The Harbormaster server must be an http:// or https:// URL (set HM_SERVER or --server); got '"
                + shown + "'";
    }
}
