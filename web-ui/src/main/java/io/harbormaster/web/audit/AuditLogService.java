package io.harbormaster.web.audit;

import io.harbormaster.api.audit.AuditExportFile;
import io.harbormaster.api.audit.AuditFilter;
import io.harbormaster.api.audit.AuditPage;
import io.harbormaster.api.common.PageRequest;
import io.harbormaster.api.team.TeamId;
import io.harbormaster.api.team.TeamSummary;
import java.util.List;
import java.util.Optional;

/** The audit log through the query bus, as the signed-in user: the same queries as the API's audit endpoints. */
public interface AuditLogService {

    List<TeamSummary> teams();

    /** One page of the team's log, newest first; empty when the user may not see the team. */
    AuditPage page(TeamId team, AuditFilter filter, PageRequest page);

    /** The whole filtered log as the API's export file; empty when the user may not see the team. */
    Optional<AuditExportFile> export(TeamId team, AuditFilter filter, String format);
}
