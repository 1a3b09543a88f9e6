package io.harbormaster.driver.amazonec2;

import io.harbormaster.api.machine.DriverOptions;
import io.harbormaster.api.machine.MachineId;
import io.harbormaster.api.machine.MachineState;
import io.harbormaster.driver.CreateResult;
import io.harbormaster.driver.DriverCapabilities;
import io.harbormaster.driver.DriverContext;
import io.harbormaster.driver.DriverException;
import io.harbormaster.driver.DriverOption;
import io.harbormaster.driver.HostObservation;
import io.harbormaster.driver.HostState;
import io.harbormaster.driver.InvalidDriverOptionsException;
import io.harbormaster.driver.MachineDriver;
import io.harbormaster.driver.MachineRef;
import io.harbormaster.driver.MachineSpec;
import io.harbormaster.driver.SshTarget;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import software.amazon.awssdk.services.ec2.model.Instance;
import software.amazon.awssdk.services.ec2.model.InstanceStateName;

/**
 * Amazon EC2 instances as machines, like docker-machine's amazonec2 driver: create launches an instance (key pair,
 * security groups, tags) and hands it to the platform's provisioner over SSH; start, stop, restart (reboot), kill
 * (forced stop) and remove (terminate, then the key pair and the security groups it created once unused) map to EC2;
 * state and addresses are asked of EC2 on every call, so the reconciler sees a new public IP after a stop and start.
 * Every operation finds the instance by its machine tag and waits for EC2 to settle, so each may be repeated.
 */
public final class AmazonEc2Driver implements MachineDriver {

    public static final String NAME = "amazonec2";

    private DriverContext context;
    private Ec2Clients clients;

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public DriverCapabilities capabilities() {
        return DriverCapabilities.all();
    }

    @Override
    public synchronized void initialize(DriverContext context) {
        if (clients != null) {
            clients.close();
        }
        this.context = context;
        this.clients = new Ec2Clients(context);
    }

    @Override
    public boolean provisions() {
        return true;
    }

    @Override
    public List<DriverOption> options() {
        return DescribedOptions.ALL;
    }

    @Override
    public void validate(DriverOptions options) {
        var checked = Ec2Options.from(options);
        // refused before the machine exists, not half way through its creation
        if (checked.credential() == null && context != null && !Ec2Settings.from(context).usePlatformIdentity()) {
            throw new InvalidDriverOptionsException("amazonec2-credential", "The machine names no AWS credential and "
                    + "this platform does not lend its own AWS identity. Create it with --amazonec2-credential NAME "
                    + "(hm credentials lists the team's; a team owner adds one with hm credentials add).");
        }
    }

    @Override
    public CreateResult create(MachineSpec spec) {
        try {
            var options = Ec2Options.from(spec.options());
            var target = clients().open(spec.teamId(), options);
            var instance = new InstanceLaunch(context).launch(target, spec, options);
            return new CreateResult.Created("tcp://" + Addresses.primary(instance, options) + ":"
                    + Ec2Options.ENGINE_PORT);
        } catch (DriverException e) {
            return new CreateResult.Failed(e.getMessage());
        }
    }

    /** A stopping instance is let stop first; a pending one is already starting. */
    @Override
    public void start(MachineRef machine) {
        var call = call(machine);
        var instance = call.instance();
        if (MachineInstances.in(instance, InstanceStateName.STOPPING)) {
            instance = call.await("stopped", InstanceStateName.STOPPED);
        }
        if (MachineInstances.in(instance, InstanceStateName.STOPPED)) {
            call.run("start instance " + instance.instanceId(), id -> call.target().client()
                    .startInstances(r -> r.instanceIds(id)));
        }
        call.awaitRunning();
    }

    @Override
    public void stop(MachineRef machine) {
        stop(machine, false);
    }

    @Override
    public void kill(MachineRef machine) {
        stop(machine, true);
    }

    /** EC2 reboots a running instance in place; a stopped one is started, so the host ends up running. */
    @Override
    public void restart(MachineRef machine) {
        var call = call(machine);
        if (MachineInstances.in(call.instance(), InstanceStateName.RUNNING)) {
            call.run("reboot instance " + call.instance().instanceId(), id -> call.target().client()
                    .rebootInstances(r -> r.instanceIds(id)));
            return;
        }
        start(machine);
    }

    /** Terminates the instance, then deletes the key pair and the security groups it made that nothing uses. */
    @Override
    public void remove(MachineRef machine) {
        var options = Ec2Options.from(machine.options());
        var target = clients().open(machine.teamId(), options);
        var instance = MachineInstances.find(target, machine.machineId());
        if (instance.isPresent()) {
            var id = instance.get().instanceId();
            if (!MachineInstances.in(instance.get(), InstanceStateName.SHUTTING_DOWN)) {
                AwsErrors.call(target, "terminate instance " + id, () -> target.client()
                        .terminateInstances(r -> r.instanceIds(id)));
            }
            MachineInstances.await(target, id, "terminated", i -> MachineInstances.in(i,
                    InstanceStateName.TERMINATED));
        }
        KeyPairs.delete(target, machine.name(), machine.machineId());
        SecurityGroups.deleteUnused(target, options.securityGroups());
    }

    /**
     * EC2's instance state as the machine's. No instance at all is Error, with what is missing: it was terminated or
     * deleted outside Harbormaster. EC2 that cannot be asked is Error with why (the host may well be fine).
     */
    @Override
    public HostState state(MachineRef machine) {
        Ec2Target target;
        Optional<Instance> instance;
        try {
            target = clients().open(machine.teamId(), Ec2Options.from(machine.options()));
            instance = MachineInstances.find(target, machine.machineId());
        } catch (DriverException e) {
            return HostState.unreachable(e.getMessage());
        }
        if (instance.isEmpty()) {
            return noInstance(target, machine);
        }
        return HostState.of(stateOf(instance.get()));
    }

    private static HostState noInstance(Ec2Target target, MachineRef machine) {
        return HostState.unreachable("EC2 in " + target.region() + " has no instance for this machine (tag "
                + MachineInstances.MACHINE_TAG + "=" + machine.machineId().value() + "): it was terminated "
                + "outside Harbormaster. Remove the machine.");
    }

    private static MachineState stateOf(Instance instance) {
        return switch (instance.state().name()) {
            case PENDING -> MachineState.Starting;
            case RUNNING -> MachineState.Running;
            case STOPPING, SHUTTING_DOWN -> MachineState.Stopping;
            case STOPPED -> MachineState.Stopped;
            default -> MachineState.Error;
        };
    }

    @Override
    public int observesAtOnce() {
        return MachineInstances.AT_ONCE;
    }

    /**
     * One DescribeInstances for the machines of each team, credential and region among {@code machines} (instead of
     * two calls per machine): the reconciler's look at a fleet.
     */
    @Override
    public Map<MachineId, HostObservation> observe(List<MachineRef> machines) {
        var seen = new LinkedHashMap<MachineId, HostObservation>();
        var groups = machines.stream().collect(Collectors.groupingBy(machine -> {
            var options = Ec2Options.from(machine.options());
            return Arrays.asList(machine.teamId(), options.credential(), options.region());
        }, LinkedHashMap::new, Collectors.toList()));
        for (var group : groups.values()) {
            Ec2Target target;
            Map<String, Instance> instances;
            try {
                target = clients().open(group.getFirst().teamId(), Ec2Options.from(group.getFirst().options()));
                instances = MachineInstances.findAll(target, group.stream().map(MachineRef::machineId).toList());
            } catch (DriverException e) {
                group.forEach(machine -> seen.put(machine.machineId(),
                        new HostObservation(HostState.unreachable(e.getMessage()), List.of())));
                continue;
            }
            for (var machine : group) {
                var instance = instances.get(machine.machineId().value());
                seen.put(machine.machineId(), instance == null
                        ? new HostObservation(noInstance(target, machine), List.of())
                        : new HostObservation(HostState.of(stateOf(instance)),
                                Addresses.all(instance, Ec2Options.from(machine.options()))));
            }
        }
        return seen;
    }

    @Override
    public List<String> addresses(MachineRef machine) {
        var call = call(machine);
        return Addresses.all(call.instance(), call.options());
    }

    /** The instance's address while it has one; a stopped instance gives none, which is said. */
    @Override
    public Optional<SshTarget> sshTarget(MachineRef machine) {
        var call = call(machine);
        var address = Addresses.primary(call.instance(), call.options());
        if (address == null) {
            throw new DriverException("Instance " + call.instance().instanceId() + " has no "
                    + (call.options().reachesPrivateAddress() ? "private" : "public") + " address while it is "
                    + call.instance().state().nameAsString() + ". Start the machine first.");
        }
        return Optional.of(new SshTarget(address, call.options().sshPort(), call.options().sshUser()));
    }

    private void stop(MachineRef machine, boolean force) {
        var call = call(machine);
        var instance = call.instance();
        if (MachineInstances.in(instance, InstanceStateName.PENDING)) {
            instance = call.awaitRunning();
        }
        if (MachineInstances.in(instance, InstanceStateName.RUNNING)
                || force && MachineInstances.in(instance, InstanceStateName.STOPPING)) {
            call.run((force ? "force-stop" : "stop") + " instance " + instance.instanceId(), id -> call.target()
                    .client().stopInstances(r -> r.instanceIds(id).force(force)));
        }
        call.await("stopped", InstanceStateName.STOPPED);
    }

    private MachineCall call(MachineRef machine) {
        var options = Ec2Options.from(machine.options());
        var target = clients().open(machine.teamId(), options);
        var instance = MachineInstances.find(target, machine.machineId()).orElseThrow(() -> new DriverException(
                "EC2 in " + target.region() + " has no instance for this machine (tag " + MachineInstances.MACHINE_TAG
                        + "=" + machine.machineId().value() + "): it was terminated outside Harbormaster. Remove "
                        + "the machine."));
        return new MachineCall(target, options, instance);
    }

    private synchronized Ec2Clients clients() {
        if (clients == null) {
            throw new DriverException("The amazonec2 driver was not initialized with the platform's context.");
        }
        return clients;
    }

    /** One operation on a machine's instance as it was found. */
    private record MachineCall(Ec2Target target, Ec2Options options, Instance instance) {

        void run(String doing, java.util.function.Consumer<String> call) {
            AwsErrors.call(target, doing, () -> {
                call.accept(instance.instanceId());
                return null;
            });
        }

        Instance await(String goal, InstanceStateName state) {
            return MachineInstances.await(target, instance.instanceId(), goal, i -> MachineInstances.in(i, state));
        }

        Instance awaitRunning() {
            return MachineInstances.await(target, instance.instanceId(), "running",
                    i -> MachineInstances.in(i, InstanceStateName.RUNNING) && Addresses.primary(i, options) != null);
        }
    }
}
