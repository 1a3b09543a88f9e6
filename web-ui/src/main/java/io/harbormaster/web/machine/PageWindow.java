package io.harbormaster.web.machine;

import io.harbormaster.api.common.PageRequest;
import io.harbormaster.api.machine.MachineFilter;
import io.harbormaster.api.machine.MachineSummary;
import java.util.ArrayList;
import java.util.List;

/**
 * Maps the grid's offset/limit window onto the query side's zero-based pages. Vaadin usually asks for whole,
 * aligned pages, but nothing guarantees it, so a window that straddles two pages is read from both.
 */
final class PageWindow {

    private PageWindow() {
    }

    static List<MachineSummary> fetch(MachineListService service, MachineFilter filter, int offset, int limit) {
        if (limit <= 0) {
            return List.of();
        }
        int size = Math.min(limit, PageRequest.MAX_SIZE);
        int first = offset / size;
        int last = (offset + limit - 1) / size;
        var rows = new ArrayList<MachineSummary>();
        for (int page = first; page <= last; page++) {
            var items = service.find(filter, new PageRequest(page, size)).items();
            rows.addAll(items);
            if (items.size() < size) {
                break;
            }
        }
        int skip = Math.min(offset - first * size, rows.size());
        return List.copyOf(rows.subList(skip, Math.min(rows.size(), skip + limit)));
    }

    static int count(MachineListService service, MachineFilter filter) {
        long total = service.find(filter, new PageRequest(0, 1)).total();
        return (int) Math.min(total, Integer.MAX_VALUE);
    }
}
