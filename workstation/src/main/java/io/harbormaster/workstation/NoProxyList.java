package io.harbormaster.workstation;

import java.util.Arrays;

/** The NO_PROXY value that lets the workstation reach the machine directly. */
final class NoProxyList {

    private NoProxyList() {
    }

    /**
     * {@code current} with {@code host} added at the end, or unchanged when it already lists the host. docker-machine
     * checks with a substring match, so {@code 1.2.3.4} counted as listed in {@code 11.2.3.45}; we compare whole
     * entries.
     */
    static String with(String current, String host) {
        if (current.isBlank()) {
            return host;
        }
        boolean listed = Arrays.stream(current.split(",")).map(String::strip).anyMatch(host::equalsIgnoreCase);
        return listed ? current : current + "," + host;
    }
}
