package io.harbormaster.driver.amazonec2;

import io.harbormaster.api.machine.MachineId;
import io.harbormaster.driver.DriverException;
import java.time.Duration;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import software.amazon.awssdk.services.ec2.model.Filter;
import software.amazon.awssdk.services.ec2.model.Instance;
import software.amazon.awssdk.services.ec2.model.InstanceStateName;
import software.amazon.awssdk.services.ec2.model.Reservation;

/**
 * Finds a machine's instance by its tag {@value #MACHINE_TAG} (the driver keeps no instance ids: after a crash, a
 * second create or any later call finds the same instance) and waits for it to reach a state, polling EC2.
 */
final class MachineInstances {

    static final String MACHINE_TAG = "harbormaster-machine-id";
    /** The most values EC2 takes in one filter. */
    static final int AT_ONCE = 200;
    private static final Set<InstanceStateName> LIVE = Set.of(InstanceStateName.PENDING, InstanceStateName.RUNNING,
            InstanceStateName.STOPPING, InstanceStateName.STOPPED, InstanceStateName.SHUTTING_DOWN);

    private MachineInstances() {
    }

    /** The machine's instance that is not terminated, the latest launched if there were ever several. */
    static Optional<Instance> find(Ec2Target target, MachineId machine) {
        var response = AwsErrors.call(target, "look up the machine's instance", () -> target.client()
                .describeInstances(r -> r.filters(
                        Filter.builder().name("tag:" + MACHINE_TAG).values(machine.value()).build(),
                        Filter.builder().name("instance-state-name").values(LIVE.stream()
                                .map(InstanceStateName::toString).toList()).build())));
        return response.reservations().stream().map(Reservation::instances).flatMap(java.util.List::stream)
                .filter(i -> LIVE.contains(i.state().name()))
                .max(Comparator.comparing(Instance::launchTime, Comparator.nullsFirst(Comparator.naturalOrder())));
    }

    /**
     * The live instances of many machines in one DescribeInstances (a filter on their tag; EC2 takes up to 200 values
     * per filter, so at most {@link #AT_ONCE} machines), by machine id; a machine with no live instance is absent.
     */
    static Map<String, Instance> findAll(Ec2Target target, Collection<MachineId> machines) {
        if (machines.size() > AT_ONCE) {
            throw new IllegalArgumentException("at most " + AT_ONCE + " machines at once");
        }
        var found = new HashMap<String, Instance>();
        var ids = machines.stream().map(MachineId::value).toList();
        AwsErrors.call(target, "look up the machines' instances", () -> {
            target.client().describeInstancesPaginator(r -> r.filters(
                            Filter.builder().name("tag:" + MACHINE_TAG).values(ids).build(),
                            Filter.builder().name("instance-state-name").values(LIVE.stream()
                                    .map(InstanceStateName::toString).toList()).build()))
                    .reservations().stream().map(Reservation::instances).flatMap(java.util.List::stream)
                    .filter(i -> LIVE.contains(i.state().name()))
                    .forEach(instance -> instance.tags().stream().filter(tag -> tag.key().equals(MACHINE_TAG))
                            .findFirst().ifPresent(tag -> found.merge(tag.value(), instance, MachineInstances::later)));
            return found;
        });
        return found;
    }

    /** Of two live instances of one machine (a crash between two launches), the one launched last. */
    private static Instance later(Instance one, Instance other) {
        var comparator = Comparator.comparing(Instance::launchTime, Comparator.nullsFirst(Comparator.naturalOrder()));
        return comparator.compare(one, other) >= 0 ? one : other;
    }

    static Instance describe(Ec2Target target, String instanceId) {
        var response = AwsErrors.call(target, "look up instance " + instanceId, () -> target.client()
                .describeInstances(r -> r.instanceIds(instanceId)));
        return response.reservations().stream().flatMap(r -> r.instances().stream()).findFirst()
                .orElseThrow(() -> new DriverException("EC2 in " + target.region() + " no longer knows instance "
                        + instanceId + "."));
    }

    /**
     * Polls until the instance satisfies {@code done}; fails when it ends up terminated without that being the
     * goal, or after the operator's wait timeout. EC2 may not know a just-launched id for a moment, which is waited
     * out too.
     */
    static Instance await(Ec2Target target, String instanceId, String goal, Predicate<Instance> done) {
        var settings = target.settings();
        var deadline = System.nanoTime() + settings.waitTimeout().toNanos();
        Instance instance = null;
        while (true) {
            try {
                instance = describe(target, instanceId);
                if (done.test(instance)) {
                    return instance;
                }
                if (instance.state().name() == InstanceStateName.TERMINATED) {
                    var reason = instance.stateReason() == null ? instance.stateTransitionReason()
                            : instance.stateReason().message();
                    throw new DriverException("Instance " + instanceId + " in " + target.region() + " was terminated "
                            + "while Harbormaster waited for it to be " + goal + (reason == null || reason.isBlank()
                            ? "" : " (EC2 says: " + AwsErrors.shorten(reason) + ")") + ".");
                }
            } catch (AwsErrors.Ec2Refusal e) {
                if (!e.code().equals("InvalidInstanceID.NotFound")) {
                    throw e;
                }
            }
            if (System.nanoTime() > deadline) {
                throw new DriverException("Instance " + instanceId + " in " + target.region() + " was not " + goal
                        + " after " + settings.waitTimeout().toSeconds() + " s (it is " + (instance == null
                        ? "not yet known to EC2" : instance.state().nameAsString()) + "). Look at it in the EC2 "
                        + "console; then try again.");
            }
            sleep(settings.pollInterval());
        }
    }

    static boolean in(Instance instance, InstanceStateName state) {
        return instance.state().name() == state;
    }

    private static void sleep(Duration pause) {
        try {
            Thread.sleep(pause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DriverException("Harbormaster was shutting down while it waited for an EC2 instance. Once the "
                    + "platform is up again the operation is resumed.");
        }
    }
}
