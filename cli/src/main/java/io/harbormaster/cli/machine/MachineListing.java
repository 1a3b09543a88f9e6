package io.harbormaster.cli.machine;

import io.harbormaster.api.machine.MachinePage;
import io.harbormaster.api.machine.MachineSummary;
import io.harbormaster.cli.server.HarbormasterClient;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;

/** Reads every matching machine from the server, one page after another. */
final class MachineListing {

    static final String PATH = "/api/machines";
    static final int PAGE_SIZE = 100;

    // A server that keeps claiming more must not keep the client looping forever.
    private static final int MAX_PAGES = 10_000;

    private MachineListing() {
    }

    static List<MachineSummary> all(HarbormasterClient client, LsFilters filters) {
        var machines = new ArrayList<MachineSummary>();
        for (int page = 0; page < MAX_PAGES; page++) {
            var query = new LinkedHashMap<>(filters.queryParameters());
            query.put("page", Integer.toString(page));
            query.put("size", Integer.toString(PAGE_SIZE));
            MachinePage answer = client.get(PATH, query, MachinePage.class);
            machines.addAll(answer.items());
            if (answer.items().isEmpty() || machines.size() >= answer.total()) {
                break;
            }
        }
        return machines;
    }
}
