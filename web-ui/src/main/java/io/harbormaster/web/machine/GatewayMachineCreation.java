package io.harbormaster.web.machine;

import io.harbormaster.web.account.QueryAnswers;
import io.harbormaster.api.driver.CheckDriverOptionsQuery;
import io.harbormaster.api.driver.DriverList;
import io.harbormaster.api.driver.DriverOptionsCheck;
import io.harbormaster.api.driver.FindDriversQuery;
import io.harbormaster.api.machine.CreateMachineCommand;
import io.harbormaster.api.machine.DriverOptions;
import io.harbormaster.api.machine.EngineOptions;
import io.harbormaster.api.machine.MachineId;
import io.harbormaster.api.machine.MachineName;
import io.harbormaster.api.machine.ReadSshPublicKeyCommand;
import io.harbormaster.api.machine.SshPrivateKey;
import io.harbormaster.api.team.TeamDetail;
import io.harbormaster.api.team.TeamRole;
import io.harbormaster.web.account.SignedInUser;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.stereotype.Service;

/** The create wizard over Axon's buses, as the signed-in user: the same command as {@code POST /api/machines}. */
@Service
class GatewayMachineCreation implements MachineCreation {

    private static final long TIMEOUT_SECONDS = 30;

    private final CommandGateway commands;
    private final QueryGateway queries;
    private final MachineListService machines;
    private final SignedInUser user;

    GatewayMachineCreation(CommandGateway commands, QueryGateway queries, MachineListService machines,
                           SignedInUser user) {
        this.commands = commands;
        this.queries = queries;
        this.machines = machines;
        this.user = user;
    }

    @Override
    public List<DriverList.Driver> drivers() {
        return ask(new FindDriversQuery(), DriverList.class).drivers();
    }

    @Override
    public List<TeamDetail> teams() {
        var me = user.account();
        if (me.platformAdmin()) {
            return machines.teams();
        }
        return machines.teams().stream().filter(team -> team.members().stream().anyMatch(member ->
                member.userId().equals(me.id()) && member.role() != TeamRole.VIEWER)).toList();
    }

    @Override
    public DriverOptionsCheck check(String driver, DriverOptions options) {
        return ask(new CheckDriverOptionsQuery(driver, options), DriverOptionsCheck.class);
    }

    @Override
    public MachineId create(TeamDetail team, MachineName name, String driver, DriverOptions options,
                            String sshPrivateKey, EngineOptions engine) {
        var id = MachineId.random();
        var me = user.account();
        user.act(() -> commands.sendAndWait(new CreateMachineCommand(id, team.id(), name, driver, options, me.id(),
                SshPrivateKey.ofNullable(sshPrivateKey), engine), TIMEOUT_SECONDS, TimeUnit.SECONDS));
        return id;
    }

    @Override
    public Optional<String> sshPublicKey(MachineId machine) {
        return Optional.ofNullable(user.act(() -> commands.<String>sendAndWait(new ReadSshPublicKeyCommand(machine),
                TIMEOUT_SECONDS, TimeUnit.SECONDS)));
    }

    private <T> T ask(Object query, Class<T> answer) {
        return QueryAnswers.ask(queries, query, answer, 10);
    }
}
