package io.harbormaster.command.machine;

import io.harbormaster.api.machine.DriverOptions;
import io.harbormaster.api.machine.MachineCreated;
import io.harbormaster.api.machine.MachineId;
import io.harbormaster.api.machine.MachineKillRequested;
import io.harbormaster.api.machine.MachineName;
import io.harbormaster.api.machine.MachineProvisioned;
import io.harbormaster.api.machine.MachineRemovalRequested;
import io.harbormaster.api.machine.MachineRemoved;
import io.harbormaster.api.machine.MachineRestartRequested;
import io.harbormaster.api.machine.MachineStartRequested;
import io.harbormaster.api.machine.MachineState;
import io.harbormaster.api.machine.MachineStateObserved;
import io.harbormaster.api.machine.MachineStopRequested;
import io.harbormaster.api.machine.MachineStopped;
import io.harbormaster.api.machine.ProvisioningFailed;
import io.harbormaster.api.machine.ProvisioningStarted;
import io.harbormaster.api.team.TeamId;
import io.harbormaster.api.team.TeamRole;
import io.harbormaster.api.user.UserId;
import io.harbormaster.command.driver.DriverRegistry;
import io.harbormaster.command.driver.FakeDriver;
import io.harbormaster.driver.none.NoneDriver;
import io.harbormaster.command.lookup.InMemoryLookups;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.axonframework.test.aggregate.AggregateTestFixture;

/** The machine every test starts from, and the event histories that bring it into each state. */
public enum MachineGivens {
    CREATING(MachineState.Creating),
    PROVISIONING(MachineState.Provisioning, new ProvisioningStarted(Ids.MACHINE, "debian")),
    RUNNING(MachineState.Running, Ids.PROVISIONED),
    STARTING_FOR_START(MachineState.Starting, Ids.PROVISIONED, new MachineStopRequested(Ids.MACHINE),
            new MachineStopped(Ids.MACHINE), new MachineStartRequested(Ids.MACHINE)),
    STARTING_FOR_RESTART(MachineState.Starting, Ids.PROVISIONED, new MachineRestartRequested(Ids.MACHINE)),
    STOPPING_FOR_STOP(MachineState.Stopping, Ids.PROVISIONED, new MachineStopRequested(Ids.MACHINE)),
    STOPPING_FOR_KILL(MachineState.Stopping, Ids.PROVISIONED, new MachineKillRequested(Ids.MACHINE)),
    STOPPED(MachineState.Stopped, Ids.PROVISIONED, new MachineStopRequested(Ids.MACHINE),
            new MachineStopped(Ids.MACHINE)),
    PAUSED(MachineState.Paused, Ids.PROVISIONED, observed(MachineState.Paused)),
    ERROR(MachineState.Error, Ids.PROVISIONED, observed(MachineState.Error)),
    NEVER_CREATED(MachineState.Error, new ProvisioningFailed(Ids.MACHINE, "create", "no capacity")),
    TIMEOUT(MachineState.Timeout, Ids.PROVISIONED, observed(MachineState.Timeout)),
    UNKNOWN(MachineState.Unknown, Ids.PROVISIONED, observed(MachineState.Unknown)),
    REMOVING(MachineState.Removing, Ids.PROVISIONED, new MachineRemovalRequested(Ids.MACHINE, false)),
    REMOVED(MachineState.Removed, Ids.PROVISIONED, new MachineRemovalRequested(Ids.MACHINE, false),
            new MachineRemoved(Ids.MACHINE, Ids.TEAM, Ids.NAME));

    final MachineState state;
    private final List<Object> history;

    MachineGivens(MachineState state, Object... after) {
        this.state = state;
        this.history = List.of(after);
    }

    /** The events of a machine of {@code driver} in this state. */
    List<Object> events(String driver) {
        var events = new ArrayList<Object>();
        events.add(created(driver));
        events.addAll(history);
        return events;
    }

    List<Object> events() {
        return events(FakeDriver.NAME);
    }

    static MachineCreated created(String driver) {
        var options = NoneDriver.NAME.equals(driver)
                ? new DriverOptions(Map.of("url", "tcp://10.0.0.5:2376")) : DriverOptions.none();
        return new MachineCreated(Ids.MACHINE, Ids.TEAM, Ids.NAME, driver, options, Ids.ALICE);
    }

    private static MachineStateObserved observed(MachineState observed) {
        return new MachineStateObserved(Ids.MACHINE, MachineState.Running, observed);
    }

    /**
     * The platform's networks as the fixture has them: everything except loopback, this host's 0.0.0.0/8, and
     * link-local (refused unless allowed explicitly).
     */
    static final NetworkRules NETWORKS = io.harbormaster.command.network.AddressCheck.forNetworks(
            List.of("0.0.0.0/0", "::/0"), List.of("0.0.0.0/8", "127.0.0.0/8", "::1/128"));

    /** A fixture with the none and fake drivers, the in-memory lookups and the creation handler registered. */
    static AggregateTestFixture<Machine> fixture(InMemoryLookups lookups) {
        return fixture(lookups, NETWORKS);
    }

    static AggregateTestFixture<Machine> fixture(InMemoryLookups lookups, NetworkRules networks) {
        var drivers = new DriverRegistry(List.of(new NoneDriver(), new FakeDriver(),
                new io.harbormaster.driver.generic.GenericDriver()));
        var rules = new io.harbormaster.command.driver.RegistryDriverRules(drivers);
        var fixture = new AggregateTestFixture<>(Machine.class);
        fixture.registerInjectableResource(rules);
        fixture.registerInjectableResource(lookups);
        var keys = new io.harbormaster.command.ssh.SecretStoreMachineKeys(
                new io.harbormaster.command.ssh.MachineSshKeys(new io.harbormaster.command.secret.InMemorySecretStore()));
        fixture.registerAnnotatedCommandHandler(new MachineCreationHandler(fixture.getRepository(), rules, keys,
                lookups, lookups, lookups, lookups, networks, (team, options) -> { }));
        return fixture;
    }

    static io.harbormaster.command.cert.MachineTls tls(io.harbormaster.command.secret.SecretStore secrets) {
        return new io.harbormaster.command.cert.MachineTls(new io.harbormaster.command.cert.CertificateAuthority(),
                secrets, io.harbormaster.command.cert.CertificatePolicy.defaults());
    }

    /** Alice holds the machine in her team; Bob is a member too, Carol a registered outsider, Vic a viewer. */
    static InMemoryLookups lookups() {
        return new InMemoryLookups()
                .withMember(Ids.TEAM, Ids.ALICE, TeamRole.OWNER)
                .withMember(Ids.TEAM, Ids.BOB, TeamRole.MEMBER)
                .withMember(Ids.TEAM, Ids.VIC, TeamRole.VIEWER)
                .withUser(Ids.CAROL)
                .withTeam(Ids.OTHER_TEAM);
    }

    /** The ids every machine test uses. */
    public static final class Ids {
        public static final MachineId MACHINE = MachineId.of("6b1d3c2e-0000-4000-8000-000000000001");
        public static final TeamId TEAM = TeamId.of("6b1d3c2e-0000-4000-8000-0000000000aa");
        public static final TeamId OTHER_TEAM = TeamId.of("6b1d3c2e-0000-4000-8000-0000000000bb");
        public static final MachineName NAME = MachineName.of("web-1");
        public static final UserId ALICE = UserId.of("6b1d3c2e-0000-4000-8000-00000000a11c");
        public static final UserId BOB = UserId.of("6b1d3c2e-0000-4000-8000-000000000b0b");
        public static final UserId CAROL = UserId.of("6b1d3c2e-0000-4000-8000-00000000ca01");
        public static final UserId VIC = UserId.of("6b1d3c2e-0000-4000-8000-000000000f1c");
        public static final String URL = "tcp://192.0.2.10:2376";
        public static final MachineProvisioned PROVISIONED = new MachineProvisioned(MACHINE, URL);

        private Ids() {
        }
    }
}
