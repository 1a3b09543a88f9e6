package io.harbormaster.command.network;

import static io.harbormaster.api.audit.AuditMetadata.ACTOR_ID;

import io.harbormaster.api.network.NetworksChanged;
import io.harbormaster.command.lookup.AccessDirectory;
import io.harbormaster.command.lookup.Actors;
import io.harbormaster.command.refusal.ForbiddenException;
import java.util.List;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * The platform's one record of where it may connect, event-sourced so that every change is in the event store with
 * who made it (and so in the audit trail). Until its first change the configuration's lists apply.
 */
@Aggregate
class PlatformNetworks {

    /** The one instance's identifier. */
    static final String ID = "platform-networks";
    static final int MAX_ENTRIES = 200;

    @AggregateIdentifier
    private String id;
    private List<String> allow;
    private List<String> deny;

    PlatformNetworks() {
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(ChangeNetworksCommand command, @MetaDataValue(ACTOR_ID) String actorId, AccessDirectory access) {
        var user = Actors.user(actorId);
        if (user.isPresent() && !access.isPlatformAdmin(user.get())) {
            throw new ForbiddenException("Only a platform admin may change the networks the platform connects to.");
        }
        requireSize("allow", command.allow());
        requireSize("deny", command.deny());
        var policy = NetworkPolicy.parse(command.allow(), command.deny());
        var newAllow = policy.allowText();
        var newDeny = policy.denyText();
        if (!newAllow.equals(allow) || !newDeny.equals(deny)) {
            apply(new NetworksChanged(newAllow, newDeny));
        }
    }

    @EventSourcingHandler
    void on(NetworksChanged event) {
        id = ID;
        allow = event.allow();
        deny = event.deny();
    }

    private static void requireSize(String list, List<String> entries) {
        if (entries != null && entries.size() > MAX_ENTRIES) {
            throw new InvalidNetworkException(list, list + " may hold at most " + MAX_ENTRIES + " networks; got "
                    + entries.size());
        }
    }
}
