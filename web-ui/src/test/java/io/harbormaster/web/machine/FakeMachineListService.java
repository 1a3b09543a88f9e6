package io.harbormaster.web.machine;

import io.harbormaster.api.common.PageRequest;
import io.harbormaster.api.machine.MachineFilter;
import io.harbormaster.api.machine.MachinePage;
import io.harbormaster.api.machine.MachineSummary;
import io.harbormaster.api.audit.AuditEntry;
import io.harbormaster.api.machine.MachineDetail;
import io.harbormaster.api.machine.MachineId;
import io.harbormaster.api.team.TeamDetail;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
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
    private volatile List<TeamDetail> teams = List.of();
    private final Map<MachineId, MachineDetail> details = new ConcurrentHashMap<>();
    private final Map<MachineId, List<AuditEntry>> histories = new ConcurrentHashMap<>();
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
                .filter(m -> filter.state() == null || filter.state() == m.state())
                .filter(m -> filter.driver() == null || filter.driver().equals(m.driver()))
                .filter(m -> filter.team() == null || filter.team().equals(m.teamId()))
                .filter(m -> filter.holder() == null || filter.holder().equals(m.holder()))
                .toList();
        var from = (int) Math.min(page.offset(), matching.size());
        var to = Math.min(from + page.size(), matching.size());
        return new MachinePage(matching.subList(from, to), page.page(), page.size(), matching.size());
    }

    void teams(List<TeamDetail> teams) {
        this.teams = List.copyOf(teams);
    }

    void detail(MachineDetail detail, List<AuditEntry> history) {
        details.put(detail.id(), detail);
        histories.put(detail.id(), List.copyOf(history));
    }

    @Override
    public List<TeamDetail> teams() {
        return teams;
    }

    @Override
    public Optional<MachineDetail> machine(MachineId id) {
        return Optional.ofNullable(details.get(id));
    }

    @Override
    public List<AuditEntry> history(MachineId id, int size) {
        var entries = histories.getOrDefault(id, List.of());
        return entries.subList(0, Math.min(size, entries.size()));
    }
}
