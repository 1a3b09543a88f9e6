package io.harbormaster.workstation;

import java.net.URI;
import java.net.URISyntaxException;

/** The daemon address as {@code DOCKER_HOST} and {@code -H} carry it: {@code tcp://HOST:PORT}. */
final class DockerHost {

    private DockerHost() {
    }

    /** The host part of {@code dockerHost}, without the brackets of an IPv6 address; refuses other forms. */
    static String hostOf(String dockerHost) {
        if (dockerHost == null) {
            throw refused("nothing");
        }
        TextRules.refuseControlCharacters("The docker host", dockerHost);
        try {
            var uri = new URI(dockerHost);
            if (!"tcp".equals(uri.getScheme()) || uri.getHost() == null || uri.getPort() < 1
                    || uri.getRawUserInfo() != null || !(uri.getRawPath() == null || uri.getRawPath().isEmpty())
                    || uri.getRawQuery() != null || uri.getRawFragment() != null) {
                throw refused(dockerHost);
            }
            var host = uri.getHost();
            return host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        } catch (URISyntaxException e) {
            throw refused(dockerHost);
        }
    }

    private static IllegalArgumentException refused(String given) {
        var shown = given.length() <= 60 ? given : given.substring(0, 60) + "…";
        return new IllegalArgumentException("The docker host must look like tcp://HOST:PORT, e.g. tcp://192.0.2.10:2376; "
                + "got '" + shown + "'.");
    }
}
