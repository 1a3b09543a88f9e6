package io.harbormaster.command.network;

import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Set the networks machine addresses may be in; sent by {@link NetworksController} for platform admins. */
record ChangeNetworksCommand(@TargetAggregateIdentifier String id, List<String> allow, List<String> deny) {

    ChangeNetworksCommand(List<String> allow, List<String> deny) {
        this(PlatformNetworks.ID, allow, deny);
    }
}
