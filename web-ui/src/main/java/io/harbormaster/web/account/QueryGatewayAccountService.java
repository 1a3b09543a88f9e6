package io.harbormaster.web.account;

import io.harbormaster.api.audit.AuditEntry;
import io.harbormaster.api.audit.AuditPage;
import io.harbormaster.api.audit.FindOwnSignInsQuery;
import io.harbormaster.api.common.PageRequest;
import io.harbormaster.api.team.FindMembershipsQuery;
import io.harbormaster.api.team.Memberships;
import io.harbormaster.api.user.UserSummary;
import java.util.List;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.stereotype.Service;

@Service
class QueryGatewayAccountService implements AccountService {

    private final QueryGateway queries;
    private final SignedInUser user;

    QueryGatewayAccountService(QueryGateway queries, SignedInUser user) {
        this.queries = queries;
        this.user = user;
    }

    @Override
    public UserSummary account() {
        return user.account();
    }

    @Override
    public Memberships memberships() {
        return QueryAnswers.ask(queries, new FindMembershipsQuery(user.caller()), Memberships.class, 10);
    }

    @Override
    public List<AuditEntry> signIns(int size) {
        var page = QueryAnswers.ask(queries, new FindOwnSignInsQuery(user.caller(), new PageRequest(0, size)),
                AuditPage.class, 10);
        return page == null ? List.of() : page.items();
    }
}
