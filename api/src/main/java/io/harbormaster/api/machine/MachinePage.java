package io.harbormaster.api.machine;

import java.util.List;

/** One page of the machine list and how many machines matched in all. */
public record MachinePage(List<MachineSummary> items, int page, int size, long total) {

    public MachinePage {
        items = List.copyOf(items);
    }
}
