package io.harbormaster.driver;

import java.util.List;

/** What a driver sees of a host in one look: its state and the addresses it is reachable at (none when it has none). */
public record HostObservation(HostState state, List<String> addresses) {

    public HostObservation {
        if (state == null) {
            throw new IllegalArgumentException("state is required");
        }
        addresses = addresses == null ? List.of() : List.copyOf(addresses);
    }
}
