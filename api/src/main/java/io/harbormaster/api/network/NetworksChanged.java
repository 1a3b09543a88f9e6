package io.harbormaster.api.network;

import java.util.List;

/**
 * A platform admin set the networks machine addresses may be in (CIDR notation). These lists replace the ones of the
 * configuration ({@code harbormaster.network.allow} and {@code .deny}) from now on.
 */
public record NetworksChanged(List<String> allow, List<String> deny) {

    public NetworksChanged {
        allow = allow == null ? List.of() : List.copyOf(allow);
        deny = deny == null ? List.of() : List.copyOf(deny);
    }
}
