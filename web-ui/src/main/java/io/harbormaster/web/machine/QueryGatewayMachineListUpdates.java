package io.harbormaster.web.machine;

import com.vaadin.flow.shared.Registration;
import io.harbormaster.api.machine.MachineId;
import io.harbormaster.api.machine.MachineListChanged;
import io.harbormaster.api.machine.WatchMachineListQuery;
import java.time.Duration;
import java.util.function.Predicate;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * A subscription query on the query bus per open page. Updates are sampled: a burst (ten machines created at once)
 * becomes one refresh per {@link #QUIET}, which keeps a page with 10,000 rows from re-reading itself per event.
 */
@Service
class QueryGatewayMachineListUpdates implements MachineListUpdates {

    /** At most one refresh per this long; well under the one second a change may take to show. */
    static final Duration QUIET = Duration.ofMillis(200);
    private static final Logger log = LoggerFactory.getLogger(QueryGatewayMachineListUpdates.class);

    private final QueryGateway queries;

    QueryGatewayMachineListUpdates(QueryGateway queries) {
        this.queries = queries;
    }

    @Override
    public Registration subscribe(Predicate<MachineId> relevant, Runnable refresh) {
        var result = queries.subscriptionQuery(new WatchMachineListQuery(), ResponseTypes.instanceOf(Long.class),
                ResponseTypes.instanceOf(MachineListChanged.class));
        var subscription = result.updates()
                .filter(update -> relevant.test(update.machineId()))
                .sample(QUIET)
                .subscribe(update -> refresh.run(),
                        error -> log.warn("The live machine updates of an open page stopped: {}", error.toString()));
        return () -> {
            subscription.dispose();
            result.close();
        };
    }
}
