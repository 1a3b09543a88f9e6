package io.harbormaster.web.fleet;

import io.harbormaster.web.account.QueryAnswers;
import io.harbormaster.api.machine.FindFleetAsOfQuery;
import io.harbormaster.api.machine.FleetAsOf;
import io.harbormaster.api.team.FindTeamsQuery;
import io.harbormaster.api.team.TeamId;
import io.harbormaster.api.team.TeamList;
import io.harbormaster.api.team.TeamSummary;
import io.harbormaster.web.account.SignedInUser;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.stereotype.Service;

/** Asks the query bus as the signed-in user. */
@Service
class QueryGatewayFleetHistoryService implements FleetHistoryService {

    // a replay of a large team's history takes a while; more than a list page
    private static final long TIMEOUT_SECONDS = 30;

    private final QueryGateway queries;
    private final SignedInUser user;

    QueryGatewayFleetHistoryService(QueryGateway queries, SignedInUser user) {
        this.queries = queries;
        this.user = user;
    }

    @Override
    public List<TeamSummary> teams() {
        return ask(new FindTeamsQuery(user.caller()), TeamList.class).teams();
    }

    @Override
    public Optional<FleetAsOf> asOf(TeamId team, Instant at) {
        return Optional.ofNullable(ask(new FindFleetAsOfQuery(team, at, user.caller()), FleetAsOf.class));
    }

    private <T> T ask(Object query, Class<T> answer) {
        return QueryAnswers.ask(queries, query, answer, TIMEOUT_SECONDS);
    }
}
