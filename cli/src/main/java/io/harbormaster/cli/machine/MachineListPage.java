package io.harbormaster.cli.machine;

import java.util.List;

/** One page of {@code GET /api/machines} and how many machines matched in all. */
record MachineListPage(List<MachineListItem> items, int page, int size, long total) {

    MachineListPage {
        items = items == null ? List.of() : List.copyOf(items);
    }
}
