package io.harbormaster.web.machine;

import io.harbormaster.api.machine.DescribeMachineActionsCommand;
import io.harbormaster.api.machine.Grantee;
import io.harbormaster.api.machine.HandOffMachineCommand;
import io.harbormaster.api.machine.KillMachineCommand;
import io.harbormaster.api.machine.MachineActions;
import io.harbormaster.api.machine.MachineId;
import io.harbormaster.api.machine.ProvisionMachineCommand;
import io.harbormaster.api.machine.RegenerateCertsCommand;
import io.harbormaster.api.machine.RemoveMachineCommand;
import io.harbormaster.api.machine.RestartMachineCommand;
import io.harbormaster.api.machine.ShareMachineCommand;
import io.harbormaster.api.machine.ShareRole;
import io.harbormaster.api.machine.StartMachineCommand;
import io.harbormaster.api.machine.StopMachineCommand;
import io.harbormaster.api.machine.UnshareMachineCommand;
import io.harbormaster.api.machine.UpgradeEngineCommand;
import io.harbormaster.api.team.FindTeamQuery;
import io.harbormaster.api.team.TeamDetail;
import io.harbormaster.api.team.TeamId;
import io.harbormaster.api.team.TeamMember;
import io.harbormaster.api.user.UserId;
import io.harbormaster.web.account.QueryAnswers;
import io.harbormaster.web.account.SignedInUser;
import io.harbormaster.api.machine.IssueClientCertCommand;
import io.harbormaster.api.machine.IssuedClientCertificate;
import io.harbormaster.workstation.ClientBundle;
import io.harbormaster.workstation.DockerContextExport;
import io.harbormaster.workstation.TlsMaterial;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.stereotype.Service;

/** Sends the machine commands over Axon's command bus as the signed-in user (channel {@code ui}). */
@Service
class GatewayMachineOperations implements MachineOperations {

    private static final long TIMEOUT_SECONDS = 30;

    private final CommandGateway commands;
    private final QueryGateway queries;
    private final SignedInUser user;

    private final Clock clock;

    GatewayMachineOperations(CommandGateway commands, QueryGateway queries, SignedInUser user) {
        this.commands = commands;
        this.queries = queries;
        this.user = user;
        this.clock = Clock.systemUTC();
    }

    @Override
    public MachineActions actions(MachineId machine) {
        return send(new DescribeMachineActionsCommand(machine));
    }

    @Override
    public void run(MachineId machine, MachineActions.Action action) {
        send(switch (action) {
            case START -> new StartMachineCommand(machine, null);
            case STOP -> new StopMachineCommand(machine, null);
            case RESTART -> new RestartMachineCommand(machine, null);
            case KILL -> new KillMachineCommand(machine, null);
            case PROVISION -> new ProvisionMachineCommand(machine);
            case UPGRADE -> new UpgradeEngineCommand(machine);
            case REGENERATE_CERTS -> new RegenerateCertsCommand(machine, false, null);
            case ROTATE_CA -> new RegenerateCertsCommand(machine, true, null);
            case REMOVE -> new RemoveMachineCommand(machine, false, null);
            case HAND_OFF, SHARE, UNSHARE, USE -> throw new IllegalArgumentException(action + " needs more than the "
                    + "machine: use its own method");
        });
    }

    @Override
    public void handOff(MachineId machine, UserId to, boolean revokePreviousHolder) {
        send(new HandOffMachineCommand(machine, to, revokePreviousHolder, null));
    }

    @Override
    public void share(MachineId machine, Grantee grantee, ShareRole role) {
        send(new ShareMachineCommand(machine, grantee, role));
    }

    @Override
    public void unshare(MachineId machine, Grantee grantee) {
        send(new UnshareMachineCommand(machine, grantee));
    }

    @Override
    public MachineDownload clientBundle(MachineId machine, boolean zip) {
        var issued = issue(machine);
        var bundle = ClientBundle.flat(material(issued), clock.instant());
        var name = issued.endpoint().machineName() + "-client." + (zip ? "zip" : "tar");
        return zip ? new MachineDownload(name, "application/zip", bundle.zip())
                : new MachineDownload(name, "application/x-tar", bundle.tar());
    }

    @Override
    public MachineDownload dockerContext(MachineId machine) {
        var issued = issue(machine);
        var name = issued.endpoint().machineName();
        var export = new DockerContextExport(name, "Harbormaster machine " + name, issued.endpoint().dockerUrl(),
                material(issued), clock.instant());
        return new MachineDownload(name + ".dockercontext", "application/x-tar", export.toBytes());
    }

    private IssuedClientCertificate issue(MachineId machine) {
        return send(new IssueClientCertCommand(machine));
    }

    private static TlsMaterial material(IssuedClientCertificate issued) {
        var m = issued.material();
        return new TlsMaterial(m.caPem(), m.certPem(), m.keyPem());
    }

    @Override
    public List<TeamMember> members(TeamId team) {
        var detail = QueryAnswers.ask(queries, new FindTeamQuery(team, user.caller()), TeamDetail.class, 10);
        return detail == null ? List.of() : detail.members();
    }

    private <T> T send(Object command) {
        return user.act(() -> commands.sendAndWait(command, TIMEOUT_SECONDS, TimeUnit.SECONDS));
    }
}
