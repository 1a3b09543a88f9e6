package io.harbormaster.query.machine;

import java.net.URI;
import java.net.URISyntaxException;

/** Keeps the shown Docker URL pointing at the machine after an {@code IpChanged}, which carries only addresses. */
final class DockerUrls {

    private DockerUrls() {
    }

    /**
     * The address a machine is reached at: the host of its Docker URL (an IPv6 address without brackets); before
     * there is a URL, the generic driver's {@code ip-address} option, which is where the URL will point; null
     * otherwise (a none machine's address is in its URL from the start).
     */
    static String ipAddress(String url, String driver, java.util.Map<String, String> options) {
        if (url != null) {
            try {
                var host = new URI(url).getHost();
                return host == null ? null : host.replace("[", "").replace("]", "");
            } catch (URISyntaxException e) {
                return null;
            }
        }
        if ("generic".equals(driver) && options != null) {
            var address = options.get("ip-address");
            return address == null || address.isBlank() ? null : address.strip();
        }
        return null;
    }

    /**
     * The URL with its host replaced by {@code newAddress} when it currently names {@code previousAddress}; any other
     * URL (a DNS name, someone else's address, nothing yet) is left as it is.
     */
    static String withHost(String url, String previousAddress, String newAddress) {
        if (url == null || previousAddress == null || newAddress == null || newAddress.isBlank()) {
            return url;
        }
        try {
            var uri = new URI(url);
            var host = uri.getHost() == null ? null : uri.getHost().replace("[", "").replace("]", "");
            if (!previousAddress.equals(host)) {
                return url;
            }
            return new URI(uri.getScheme(), uri.getUserInfo(), newAddress, uri.getPort(), uri.getPath(),
                    uri.getQuery(), uri.getFragment()).toString();
        } catch (URISyntaxException e) {
            return url;
        }
    }
}
