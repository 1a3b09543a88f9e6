package io.harbormaster.command.machine;

import java.net.URI;

/** The host part of a Docker URL ({@code tcp://HOST:PORT}), read and replaced; IPv6 hosts in brackets. */
final class DockerUrlHost {

    private DockerUrlHost() {
    }

    static String of(String dockerUrl) {
        var host = URI.create(dockerUrl).getHost();
        return host != null && host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
    }

    static String replace(String dockerUrl, String newHost) {
        var uri = URI.create(dockerUrl);
        var host = newHost.contains(":") ? "[" + newHost + "]" : newHost;
        return uri.getScheme() + "://" + host + (uri.getPort() < 0 ? "" : ":" + uri.getPort());
    }
}
