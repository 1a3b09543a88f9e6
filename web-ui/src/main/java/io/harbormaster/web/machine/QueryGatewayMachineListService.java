package io.harbormaster.web.machine;

import io.harbormaster.web.account.QueryAnswers;
import io.harbormaster.api.user.Caller;
import io.harbormaster.api.common.PageRequest;
import io.harbormaster.api.audit.AuditEntry;
import io.harbormaster.api.audit.AuditPage;
import io.harbormaster.api.machine.FindMachineHistoryQuery;
import io.harbormaster.api.machine.FindMachineQuery;
import io.harbormaster.api.machine.FindMachinesQuery;
import io.harbormaster.api.machine.MachineDetail;
import io.harbormaster.api.machine.MachineId;
import io.harbormaster.api.machine.MachineFilter;
import io.harbormaster.api.machine.MachinePage;
import io.harbormaster.api.team.FindTeamQuery;
import io.harbormaster.api.team.FindTeamsQuery;
import io.harbormaster.api.team.TeamDetail;
import io.harbormaster.api.team.TeamList;
import io.harbormaster.api.user.FindUsersQuery;
import io.harbormaster.api.user.UserList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;

/**
 * Asks the query bus, so the portal works the same whether the query side runs in this process or not. Every query
 * carries the signed-in user as its {@link Caller}, so the portal shows only the machines they may see; the user's
 * id and admin flag come from the users read model by their username.
 */
@Service
class QueryGatewayMachineListService implements MachineListService {

    // A grid page that never arrives would hold the UI lock; fail visibly instead.
    private static final long TIMEOUT_SECONDS = 10;

    private final QueryGateway queryGateway;
    private final Supplier<Optional<String>> signedInUsername;

    @Autowired
    QueryGatewayMachineListService(QueryGateway queryGateway) {
        this(queryGateway, QueryGatewayMachineListService::usernameFromSecurityContext);
    }

    QueryGatewayMachineListService(QueryGateway queryGateway, Supplier<Optional<String>> signedInUsername) {
        this.queryGateway = queryGateway;
        this.signedInUsername = signedInUsername;
    }

    @Override
    public MachinePage find(MachineFilter filter, PageRequest page) {
        var caller = caller();
        if (caller.isEmpty()) {
            return new MachinePage(List.of(), page.page(), page.size(), 0);
        }
        return ask(new FindMachinesQuery(filter, page, caller.get()), MachinePage.class);
    }

    @Override
    public List<TeamDetail> teams() {
        var caller = caller();
        if (caller.isEmpty()) {
            return List.of();
        }
        return ask(new FindTeamsQuery(caller.get()), TeamList.class).teams().stream()
                .map(team -> ask(new FindTeamQuery(team.id(), caller.get()), TeamDetail.class))
                .filter(java.util.Objects::nonNull)
                .toList();
    }

    @Override
    public Optional<MachineDetail> machine(MachineId id) {
        return caller().map(caller -> ask(new FindMachineQuery(id, caller), MachineDetail.class));
    }

    @Override
    public List<AuditEntry> history(MachineId id, int size) {
        return caller().map(caller -> ask(new FindMachineHistoryQuery(id, new PageRequest(0, size), caller),
                AuditPage.class)).map(AuditPage::items).orElse(List.of());
    }

    /** The signed-in user as a caller; empty when nobody is signed in or the users read model does not know them. */
    Optional<Caller> caller() {
        var username = signedInUsername.get();
        if (username.isEmpty()) {
            return Optional.empty();
        }
        var users = ask(new FindUsersQuery(), UserList.class);
        return users.users().stream()
                .filter(user -> user.username().equals(username.get()))
                .findFirst()
                .map(user -> new Caller(user.id(), user.platformAdmin()));
    }

    private static Optional<String> usernameFromSecurityContext() {
        var authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || !authentication.isAuthenticated()
                || authentication instanceof AnonymousAuthenticationToken) {
            return Optional.empty();
        }
        return Optional.ofNullable(authentication.getName());
    }

    private <T> T ask(Object query, Class<T> answer) {
        return QueryAnswers.ask(queryGateway, query, answer, TIMEOUT_SECONDS);
    }
}
