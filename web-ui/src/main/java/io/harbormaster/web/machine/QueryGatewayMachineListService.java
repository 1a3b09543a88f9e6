package io.harbormaster.web.machine;

import io.harbormaster.api.common.PageRequest;
import io.harbormaster.api.machine.FindMachinesQuery;
import io.harbormaster.api.machine.MachineFilter;
import io.harbormaster.api.machine.MachinePage;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.stereotype.Service;

/** Asks the query bus, so the portal works the same whether the query side runs in this process or not. */
@Service
class QueryGatewayMachineListService implements MachineListService {

    // A grid page that never arrives would hold the UI lock; fail visibly instead.
    private static final long TIMEOUT_SECONDS = 10;

    private final QueryGateway queryGateway;

    QueryGatewayMachineListService(QueryGateway queryGateway) {
        this.queryGateway = queryGateway;
    }

    @Override
    public MachinePage find(MachineFilter filter, PageRequest page) {
        try {
            return queryGateway.query(new FindMachinesQuery(filter, page), ResponseTypes.instanceOf(MachinePage.class))
                    .orTimeout(TIMEOUT_SECONDS, TimeUnit.SECONDS)
                    .join();
        } catch (CompletionException e) {
            // Rethrow the handler's own exception so Vaadin's error handling and the logs show the real cause.
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
        }
    }
}
