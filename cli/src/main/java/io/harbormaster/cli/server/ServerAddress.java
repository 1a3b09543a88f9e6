package io.harbormaster.cli.server;

import io.harbormaster.cli.HmException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/** The server's base URL, checked once so that every later message can show it without leaking anything. */
public record ServerAddress(URI base) {

    public static ServerAddress parse(String value) {
        var trimmed = value.strip();
        while (trimmed.endsWith("/")) {
            trimmed = trimmed.substring(0, trimmed.length() - 1);
        }
        if (trimmed.contains("@")) {
            // Credentials in a URL end up in shell history and logs, and we would echo them in messages.
            throw new HmException("Do not put credentials in the server URL: run hm login URL, or set HM_TOKEN.");
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
        var printable = shown.codePoints().map(c -> Character.isISOControl(c) ? '?' : c)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
        return "The Harbormaster server must be an http:// or https:// URL, like https://harbormaster.example.com; "
                + "got '" + (printable.length() > 80 ? printable.substring(0, 80) + "…" : printable) + "'";
    }
}
