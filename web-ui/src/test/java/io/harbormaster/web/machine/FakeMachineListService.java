package io.harbormaster.web.machine;

import io.harbormaster.api.common.PageRequest;
import io.harbormaster.api.machine.MachineFilter;
import io.harbormaster.api.machine.MachinePage;
import io.harbormaster.api.machine.MachineSummary;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Pattern;
import org.springframework.context.annotation.Primary;
import org.springframework.stereotype.Component;

/**
 * Answers from a list held in memory and records what it was asked. It matches the name filter the way the query
 * side does (found anywhere in the name, ignoring case), with Java's regular expressions.
 */
@Component
@Primary
class FakeMachineListService implements MachineListService {

    private volatile List<MachineSummary> machines = List.of();
    final List<MachineFilter> filters = new CopyOnWriteArrayList<>();
    final List<PageRequest> pages = new CopyOnWriteArrayList<>();

    void answer(List<MachineSummary> machines) {
        this.machines = List.copyOf(machines);
        filters.clear();
        pages.clear();
    }

    @Override
    public MachinePage find(MachineFilter filter, PageRequest page) {
        filters.add(filter);
        pages.add(page);
        var matching = machines.stream()
                .filter(m -> filter.nameRegex() == null || Pattern.compile(filter.nameRegex(), Pattern.CASE_INSENSITIVE).matcher(m.name()).find())
                .toList();
        var from = (int) Math.min(page.offset(), matching.size());
        var to = Math.min(from + page.size(), matching.size());
        return new MachinePage(matching.subList(from, to), page.page(), page.size(), matching.size());
    }
}
