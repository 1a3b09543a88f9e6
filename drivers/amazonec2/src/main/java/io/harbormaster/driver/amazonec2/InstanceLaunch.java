package io.harbormaster.driver.amazonec2;

import io.harbormaster.driver.DriverContext;
import io.harbormaster.driver.DriverException;
import io.harbormaster.driver.MachineSpec;
import java.lang.System.Logger.Level;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import software.amazon.awssdk.services.ec2.model.BlockDeviceMapping;
import software.amazon.awssdk.services.ec2.model.HttpTokensState;
import software.amazon.awssdk.services.ec2.model.Image;
import software.amazon.awssdk.services.ec2.model.Instance;
import software.amazon.awssdk.services.ec2.model.InstanceNetworkInterfaceSpecification;
import software.amazon.awssdk.services.ec2.model.InstanceStateName;
import software.amazon.awssdk.services.ec2.model.MarketType;
import software.amazon.awssdk.services.ec2.model.ResourceType;
import software.amazon.awssdk.services.ec2.model.RunInstancesRequest;
import software.amazon.awssdk.services.ec2.model.Tag;
import software.amazon.awssdk.services.ec2.model.TagSpecification;

/**
 * Creates a machine's instance, step by step, each step safe to repeat after a crash: the key pair (found by its
 * tag), the security groups (found by name), the instance (found by its machine tag; RunInstances carries the
 * machine id as its client token, so EC2 itself never launches a second one), then waits until it runs with the
 * address the platform will reach. When a step fails, what this attempt made is removed again and the reason says so.
 */
final class InstanceLaunch {

    private static final System.Logger LOG = System.getLogger(InstanceLaunch.class.getName());

    private final DriverContext context;

    InstanceLaunch(DriverContext context) {
        this.context = context;
    }

    /** The running instance; throws a {@link DriverException} that says what was cleaned up. */
    Instance launch(Ec2Target target, MachineSpec spec, Ec2Options options) {
        var existing = MachineInstances.find(target, spec.machineId());
        if (existing.isPresent()) {
            LOG.log(Level.INFO, "Machine {0}: instance {1} exists already; waiting for it", spec.name().value(),
                    existing.get().instanceId());
            return awaitRunning(target, existing.get().instanceId(), options);
        }
        var made = new Made();
        var clock = new Steps(spec.name().value());
        try {
            var publicKey = context.sshPublicKey(spec.machineId()).orElseThrow(() -> new DriverException(
                    "The machine has no SSH key in the platform's secret store to import into EC2."));
            var placement = Placement.resolve(target, options);
            var image = DefaultImage.resolve(target, options);
            clock.step("placement and image");
            // this machine's key pair is removed on failure even when an interrupted attempt made it
            KeyPairs.ensure(target, spec.name(), spec.machineId(), publicKey);
            made.keyPair = KeyPairs.name(spec.name(), spec.machineId());
            clock.step("key pair");
            var groups = SecurityGroups.ensure(target, options, placement.vpcId());
            made.groups.addAll(groups.created());
            clock.step("security groups");
            var request = request(spec, options, placement, image, groups.ids());
            var launched = AwsErrors.call(target, "launch an instance of type " + options.instanceType() + " in "
                    + placement.zone(), () -> target.client().runInstances(request)).instances().getFirst();
            made.instance = launched.instanceId();
            clock.step("run instances");
            var running = awaitRunning(target, launched.instanceId(), options);
            clock.step("instance running");
            return running;
        } catch (DriverException e) {
            if (Thread.currentThread().isInterrupted()) {
                // the platform is stopping: it resumes this create on its next start, which finds what was made
                throw e;
            }
            throw new DriverException(e.getMessage() + " " + cleanUp(target, spec, made), e);
        }
    }

    private static Instance awaitRunning(Ec2Target target, String instanceId, Ec2Options options) {
        return MachineInstances.await(target, instanceId, "running", instance ->
                MachineInstances.in(instance, InstanceStateName.RUNNING)
                        && Addresses.primary(instance, options) != null);
    }

    private static RunInstancesRequest request(MachineSpec spec, Ec2Options options, Placement placement,
                                               Image image, List<String> groupIds) {
        var tags = new ArrayList<Tag>();
        tags.add(Tag.builder().key("Name").value(spec.name().value()).build());
        tags.add(Tag.builder().key(MachineInstances.MACHINE_TAG).value(spec.machineId().value()).build());
        tags.add(Tag.builder().key("harbormaster-team-id").value(spec.teamId().value()).build());
        options.tags().forEach((key, value) -> tags.add(Tag.builder().key(key).value(value).build()));
        var device = options.deviceName() != null ? options.deviceName()
                : image.rootDeviceName() != null ? image.rootDeviceName() : "/dev/sda1";
        var builder = RunInstancesRequest.builder()
                .clientToken(spec.machineId().value())
                .imageId(image.imageId())
                .instanceType(options.instanceType())
                .minCount(1).maxCount(1)
                .keyName(KeyPairs.name(spec.name(), spec.machineId()))
                .placement(p -> p.availabilityZone(placement.zone()))
                .networkInterfaces(InstanceNetworkInterfaceSpecification.builder().deviceIndex(0)
                        .subnetId(placement.subnetId()).groups(groupIds)
                        .associatePublicIpAddress(!options.privateAddressOnly()).build())
                .blockDeviceMappings(BlockDeviceMapping.builder().deviceName(device).ebs(e -> e
                        .volumeSize(options.rootSize()).volumeType(options.volumeType()).deleteOnTermination(true))
                        .build())
                .monitoring(m -> m.enabled(options.monitoring()))
                .ebsOptimized(options.useEbsOptimizedInstance())
                .metadataOptions(m -> m.httpTokens(HttpTokensState.fromValue(options.httpTokens()))
                        .httpEndpoint("enabled"))
                .tagSpecifications(
                        TagSpecification.builder().resourceType(ResourceType.INSTANCE).tags(tags).build(),
                        TagSpecification.builder().resourceType(ResourceType.VOLUME).tags(tags).build());
        if (options.iamInstanceProfile() != null) {
            builder.iamInstanceProfile(p -> {
                if (options.iamInstanceProfile().startsWith("arn:")) {
                    p.arn(options.iamInstanceProfile());
                } else {
                    p.name(options.iamInstanceProfile());
                }
            });
        }
        if (options.userdata() != null) {
            builder.userData(Base64.getEncoder().encodeToString(options.userdata().getBytes(StandardCharsets.UTF_8)));
        }
        if (options.requestSpotInstance()) {
            // a one-time Spot request through RunInstances: terminating the instance ends the request too
            builder.instanceMarketOptions(m -> m.marketType(MarketType.SPOT)
                    .spotOptions(s -> s.maxPrice(options.spotPrice())));
        }
        return builder.build();
    }

    /** Removes what this attempt made, newest first; says what was removed or what is left to remove by hand. */
    private static String cleanUp(Ec2Target target, MachineSpec spec, Made made) {
        if (made.nothing()) {
            return "Nothing was left behind in EC2.";
        }
        var removed = new ArrayList<String>();
        var left = new ArrayList<String>();
        if (made.instance != null) {
            try {
                AwsErrors.call(target, "terminate instance " + made.instance, () -> target.client()
                        .terminateInstances(r -> r.instanceIds(made.instance)));
                MachineInstances.await(target, made.instance, "terminated",
                        i -> MachineInstances.in(i, InstanceStateName.TERMINATED));
                removed.add("instance " + made.instance);
            } catch (DriverException e) {
                left.add("instance " + made.instance);
            }
        }
        if (made.keyPair != null) {
            try {
                KeyPairs.delete(target, spec.name(), spec.machineId());
                removed.add("key pair " + made.keyPair);
            } catch (DriverException e) {
                left.add("key pair " + made.keyPair);
            }
        }
        if (!made.groups.isEmpty()) {
            try {
                var deleted = SecurityGroups.deleteUnused(target, made.groups);
                deleted.forEach(name -> removed.add("security group " + name));
                made.groups.stream().filter(name -> !deleted.contains(name))
                        .forEach(name -> left.add("security group " + name));
            } catch (DriverException e) {
                made.groups.forEach(name -> left.add("security group " + name));
            }
        }
        var said = removed.isEmpty() ? "" : "Harbormaster removed what it had made: " + String.join(", ", removed)
                + ".";
        return left.isEmpty() ? said : (said + " Still there, to remove in EC2 (" + target.region() + "): "
                + String.join(", ", left) + ".").strip();
    }

    /** What one create attempt made in EC2. */
    private static final class Made {
        String instance;
        String keyPair;
        final List<String> groups = new ArrayList<>();

        boolean nothing() {
            return instance == null && keyPair == null && groups.isEmpty();
        }
    }

    /** Logs how long each step of a create took (for operators, and the stand-in's timings). */
    private static final class Steps {
        private final String machine;
        private long last = System.nanoTime();

        Steps(String machine) {
            this.machine = machine;
        }

        void step(String name) {
            var now = System.nanoTime();
            LOG.log(Level.INFO, "Machine {0}: {1} took {2} ms", machine, name, (now - last) / 1_000_000);
            last = now;
        }
    }
}
