package io.harbormaster.cli.team;

import io.harbormaster.cli.server.HarbormasterClient;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads the newest entries of an audit listing (a machine's history, a team's log) page by page. */
final class AuditReader {

    /** The API's largest page. */
    static final int PAGE_SIZE = 500;

    // A server that keeps claiming more must not keep the client looping forever.
    private static final int MAX_PAGES = 10_000;

    /** The newest entries and how many matched in all. */
    record Entries(List<Wire.AuditEntry> newestFirst, long total) {

        /** Oldest first, like a log: the newest line ends up next to the prompt. */
        List<Wire.AuditEntry> oldestFirst() {
            return newestFirst.reversed();
        }
    }

    private AuditReader() {
    }

    /** Up to {@code limit} newest entries (0: all) of {@code path}, with the filter parameters in {@code query}. */
    static Entries newest(HarbormasterClient client, String path, Map<String, String> query, int limit) {
        var entries = new ArrayList<Wire.AuditEntry>();
        int size = limit > 0 ? Math.min(limit, PAGE_SIZE) : PAGE_SIZE;
        long total = 0;
        for (int page = 0; page < MAX_PAGES; page++) {
            var parameters = new LinkedHashMap<>(query);
            parameters.put("page", Integer.toString(page));
            parameters.put("size", Integer.toString(size));
            var answer = client.get(path, parameters, Wire.AuditPage.class);
            entries.addAll(answer.items());
            total = answer.total();
            if (answer.items().isEmpty() || entries.size() >= total || (limit > 0 && entries.size() >= limit)) {
                break;
            }
        }
        return new Entries(limit > 0 && entries.size() > limit ? entries.subList(0, limit) : entries, total);
    }
}
