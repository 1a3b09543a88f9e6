package io.harbormaster.web.audit;

import io.harbormaster.web.account.QueryAnswers;
import io.harbormaster.api.audit.AuditExportFile;
import io.harbormaster.api.audit.AuditFilter;
import io.harbormaster.api.audit.AuditPage;
import io.harbormaster.api.audit.ExportTeamAuditLogQuery;
import io.harbormaster.api.audit.FindTeamAuditLogQuery;
import io.harbormaster.api.common.PageRequest;
import io.harbormaster.api.team.FindTeamsQuery;
import io.harbormaster.api.team.TeamId;
import io.harbormaster.api.team.TeamList;
import io.harbormaster.api.team.TeamSummary;
import io.harbormaster.web.account.SignedInUser;
import java.util.List;
import java.util.Optional;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.stereotype.Service;

@Service
class QueryGatewayAuditLogService implements AuditLogService {

    private static final long TIMEOUT_SECONDS = 60;

    private final QueryGateway queries;
    private final SignedInUser user;

    QueryGatewayAuditLogService(QueryGateway queries, SignedInUser user) {
        this.queries = queries;
        this.user = user;
    }

    @Override
    public List<TeamSummary> teams() {
        return ask(new FindTeamsQuery(user.caller()), TeamList.class).teams();
    }

    @Override
    public AuditPage page(TeamId team, AuditFilter filter, PageRequest page) {
        var answer = ask(new FindTeamAuditLogQuery(team, filter, page, user.caller()), AuditPage.class);
        return answer == null ? new AuditPage(List.of(), page.page(), page.size(), 0) : answer;
    }

    @Override
    public Optional<AuditExportFile> export(TeamId team, AuditFilter filter, String format) {
        return Optional.ofNullable(ask(new ExportTeamAuditLogQuery(team, filter, format, user.caller()),
                AuditExportFile.class));
    }

    private <T> T ask(Object query, Class<T> answer) {
        return QueryAnswers.ask(queries, query, answer, TIMEOUT_SECONDS);
    }
}
