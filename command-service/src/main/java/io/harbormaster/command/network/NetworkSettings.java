package io.harbormaster.command.network;

import io.harbormaster.api.network.NetworksChanged;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The networks in force: the configuration's ({@code harbormaster.network.allow}, {@code .deny}) until a platform
 * admin sets them, then the latest {@link NetworksChanged}. Read from the event store at most every few seconds, so
 * a change made on another replica applies here soon; one made here applies at once.
 */
@Component
public class NetworkSettings {

    /** Everything except this host itself; link-local is refused by {@link NetworkPolicy} on top. */
    static final String DEFAULT_ALLOW = "0.0.0.0/0,::/0";
    static final String DEFAULT_DENY = "0.0.0.0/8,127.0.0.0/8,::/128,::1/128";
    private static final Duration FRESH_FOR = Duration.ofSeconds(5);

    /** The policy in force and where it comes from ({@code configuration} or {@code admin}). */
    record InForce(NetworkPolicy policy, String source) {
    }

    private final EventStore events;
    private final InForce configured;
    private volatile InForce current;
    private volatile long readAt;

    NetworkSettings(EventStore events,
                    @Value("${harbormaster.network.allow:" + DEFAULT_ALLOW + "}") String allow,
                    @Value("${harbormaster.network.deny:" + DEFAULT_DENY + "}") String deny) {
        this.events = events;
        try {
            this.configured = new InForce(NetworkPolicy.parse(split(allow), split(deny)), "configuration");
        } catch (InvalidNetworkException e) {
            throw new IllegalStateException("harbormaster.network." + e.getMessage(), e);
        }
    }

    InForce inForce() {
        var now = System.nanoTime();
        var known = current;
        if (known == null || now - readAt > FRESH_FOR.toNanos()) {
            known = read();
            current = known;
            readAt = now;
        }
        return known;
    }

    /** The policy in force now. */
    NetworkPolicy policy() {
        return inForce().policy();
    }

    /** Forgets what was read, after a change made here. */
    void changed() {
        current = null;
    }

    private InForce read() {
        var latest = events.readEvents(PlatformNetworks.ID).asStream()
                .map(message -> message.getPayload())
                .filter(NetworksChanged.class::isInstance)
                .map(NetworksChanged.class::cast)
                .reduce((first, second) -> second);
        return latest.map(changed -> new InForce(NetworkPolicy.parse(changed.allow(), changed.deny()), "admin"))
                .orElse(configured);
    }

    private static List<String> split(String list) {
        return list == null ? List.of()
                : Arrays.stream(list.split(",")).map(String::strip).filter(entry -> !entry.isEmpty()).toList();
    }
}
