package io.harbormaster.query.machine;

import java.net.URI;
import java.net.URISyntaxException;

/** Keeps the shown Docker URL pointing at the machine after an {@code IpChanged}, which carries only addresses. */
final class DockerUrls {

    private DockerUrls() {
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
