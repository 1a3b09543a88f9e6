package io.harbormaster.web.team;

import io.harbormaster.web.account.QueryAnswers;
import io.harbormaster.api.team.AddMemberCommand;
import io.harbormaster.api.team.ChangeMemberRoleCommand;
import io.harbormaster.api.team.CreateTeamCommand;
import io.harbormaster.api.team.FindTeamQuery;
import io.harbormaster.api.team.FindTeamsQuery;
import io.harbormaster.api.team.RemoveMemberCommand;
import io.harbormaster.api.team.TeamDetail;
import io.harbormaster.api.team.TeamId;
import io.harbormaster.api.team.TeamList;
import io.harbormaster.api.team.TeamName;
import io.harbormaster.api.team.TeamRole;
import io.harbormaster.api.team.TeamSummary;
import io.harbormaster.api.user.ChangePlatformAdminCommand;
import io.harbormaster.api.user.FindUsersQuery;
import io.harbormaster.api.user.RegisterUserCommand;
import io.harbormaster.api.user.SetUserPasswordCommand;
import io.harbormaster.api.user.Username;
import io.harbormaster.api.user.UserId;
import io.harbormaster.api.user.UserList;
import io.harbormaster.api.user.UserSummary;
import io.harbormaster.web.account.SignedInUser;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.stereotype.Service;

@Service
class GatewayTeamAdministration implements TeamAdministration {

    private static final long TIMEOUT_SECONDS = 30;

    private final CommandGateway commands;
    private final QueryGateway queries;
    private final SignedInUser user;

    GatewayTeamAdministration(CommandGateway commands, QueryGateway queries, SignedInUser user) {
        this.commands = commands;
        this.queries = queries;
        this.user = user;
    }

    @Override
    public UserSummary me() {
        return user.account();
    }

    @Override
    public List<TeamSummary> teams() {
        return ask(new FindTeamsQuery(user.caller()), TeamList.class).teams();
    }

    @Override
    public long machineCount(TeamId team) {
        var page = ask(new io.harbormaster.api.machine.FindMachinesQuery(
                new io.harbormaster.api.machine.MachineFilter(team, null, null, null, null),
                new io.harbormaster.api.common.PageRequest(0, 1), user.caller()),
                io.harbormaster.api.machine.MachinePage.class);
        return page == null ? 0 : page.total();
    }

    @Override
    public Optional<TeamDetail> team(TeamId team) {
        return Optional.ofNullable(ask(new FindTeamQuery(team, user.caller()), TeamDetail.class));
    }

    @Override
    public List<UserSummary> users() {
        return ask(new FindUsersQuery(), UserList.class).users();
    }

    @Override
    public void addMember(TeamId team, UserId member, TeamRole role) {
        send(new AddMemberCommand(team, member, role));
    }

    @Override
    public void changeRole(TeamId team, UserId member, TeamRole role) {
        send(new ChangeMemberRoleCommand(team, member, role));
    }

    @Override
    public void removeMember(TeamId team, UserId member) {
        send(new RemoveMemberCommand(team, member));
    }

    @Override
    public TeamId createTeam(String name) {
        var id = TeamId.random();
        send(new CreateTeamCommand(id, TeamName.of(name), user.account().id()));
        return id;
    }

    @Override
    public void setPlatformAdmin(UserId member, boolean admin) {
        send(new ChangePlatformAdminCommand(member, admin));
    }

    @Override
    public UserId registerUser(String username, String displayName, String password, boolean admin) {
        var id = UserId.random();
        send(new RegisterUserCommand(id, Username.of(username), displayName, admin));
        send(new SetUserPasswordCommand(id, password));
        return id;
    }

    private void send(Object command) {
        user.act(() -> commands.sendAndWait(command, TIMEOUT_SECONDS, TimeUnit.SECONDS));
    }

    private <T> T ask(Object query, Class<T> answer) {
        return QueryAnswers.ask(queries, query, answer, 10);
    }
}
