package io.harbormaster.web.audit;

import io.harbormaster.api.audit.AuditEntry;
import io.harbormaster.api.audit.AuditExportFile;
import io.harbormaster.api.audit.AuditFilter;
import io.harbormaster.api.audit.AuditPage;
import io.harbormaster.api.common.PageRequest;
import io.harbormaster.api.team.TeamId;
import io.harbormaster.api.team.TeamSummary;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.springframework.context.annotation.Primary;
import org.springframework.stereotype.Component;

/** Pages through entries a test gives it, filtering by actor as the query side would, and records the filters. */
@Component
@Primary
class FakeAuditLogService implements AuditLogService {

    volatile List<TeamSummary> teams = List.of();
    volatile List<AuditEntry> entries = List.of();
    final List<AuditFilter> filters = new CopyOnWriteArrayList<>();

    @Override
    public List<TeamSummary> teams() {
        return teams;
    }

    @Override
    public AuditPage page(TeamId team, AuditFilter filter, PageRequest page) {
        filters.add(filter);
        var matching = entries.stream().filter(e -> filter.actor() == null || filter.actor().equals(e.actorName()))
                .toList();
        var from = (int) Math.min(page.offset(), matching.size());
        return new AuditPage(matching.subList(from, Math.min(matching.size(), from + page.size())), page.page(),
                page.size(), matching.size());
    }

    @Override
    public Optional<AuditExportFile> export(TeamId team, AuditFilter filter, String format) {
        return Optional.of(new AuditExportFile("audit-ops." + format, "text/csv", new byte[0]));
    }
}
