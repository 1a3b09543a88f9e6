package io.harbormaster.testing.ec2;

import io.harbormaster.testing.ec2.StandInInstance.Launch;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * The stand-in's instance actions. Each answers at once with the state the instance moves into (pending, stopping,
 * shutting-down) and lets {@link InstanceHosts} bring the real test host up or down, which moves the state on.
 */
final class InstanceActions {

    private static final Pattern INSTANCE_TYPE = Pattern.compile("^[a-z][a-z0-9-]*\\.[a-z0-9]+$");

    private final StandInState state;
    private final InstanceHosts hosts;
    final List<String> hostFailures = new CopyOnWriteArrayList<>();

    InstanceActions(StandInState state, InstanceHosts hosts) {
        this.state = state;
        this.hosts = hosts;
    }

    String runInstances(QueryParams params) {
        var token = params.optional("ClientToken").orElse(null);
        if (token != null && state.clientTokens.containsKey(token)) {
            // EC2's idempotency: the same token answers the instance it launched, whatever its state now
            var existing = state.instance(state.clientTokens.get(token));
            return reservation(existing);
        }
        var count = Integer.parseInt(params.optional("MaxCount").orElse("1"));
        if (count != 1 || !"1".equals(params.optional("MinCount").orElse("1"))) {
            throw new Ec2Error("InvalidParameterValue", "The stand-in launches one instance per request");
        }
        var image = state.images.get(params.require("ImageId"));
        if (image == null) {
            throw new Ec2Error("InvalidAMIID.NotFound", "The image id '[" + params.get("ImageId")
                    + "]' does not exist");
        }
        var type = params.optional("InstanceType").orElse("m1.small");
        if (!INSTANCE_TYPE.matcher(type).matches()) {
            throw new Ec2Error("InvalidParameterValue", "Invalid value '" + type + "' for InstanceType.");
        }
        var keyName = params.optional("KeyName").orElse(null);
        if (keyName != null && !state.keyPairs.containsKey(keyName)) {
            throw new Ec2Error("InvalidKeyPair.NotFound", "The key pair '" + keyName + "' does not exist");
        }
        var nic = params.members("NetworkInterface").stream().findFirst().orElse(new QueryParams(Map.of()));
        var subnetId = nic.optional("SubnetId").or(() -> params.optional("SubnetId")).orElse(null);
        var zone = params.optional("Placement.AvailabilityZone").orElse(null);
        var subnet = subnetId != null ? state.subnet(subnetId) : state.subnets.stream()
                .filter(s -> zone == null || s.zone().equals(zone)).findFirst()
                .orElseThrow(() -> new Ec2Error("InvalidParameterValue", "Invalid availability zone: [" + zone + "]"));
        if (zone != null && !zone.equals(subnet.zone())) {
            throw new Ec2Error("InvalidParameterCombination", "The specified subnet " + subnet.id() + " is not in "
                    + "the availability zone " + zone);
        }
        var groups = new ArrayList<>(nic.list("SecurityGroupId"));
        groups.addAll(params.list("SecurityGroupId"));
        groups.forEach(state::group);
        if (groups.isEmpty()) {
            groups.add(state.groups.values().stream().filter(g -> g.name.equals("default")).findFirst()
                    .orElseThrow().id);
        }
        var publicIp = !"false".equals(nic.optional("AssociatePublicIpAddress").orElse("true"));
        var volume = new LinkedHashMap<String, String>();
        params.members("BlockDeviceMapping").stream().findFirst().ifPresent(mapping -> mapping.values()
                .forEach(volume::put));
        var launch = new Launch(image.id(), type, keyName, subnet.id(), subnet.vpcId(), subnet.zone(),
                List.copyOf(groups), publicIp, token, params.optional("IamInstanceProfile.Name")
                .or(() -> params.optional("IamInstanceProfile.Arn")).orElse(null),
                params.flag("Monitoring.Enabled"), params.flag("EbsOptimized"),
                params.optional("MetadataOptions.HttpTokens").orElse("optional"),
                params.optional("UserData").orElse(null),
                params.optional("InstanceMarketOptions.MarketType").orElse(null),
                volume.getOrDefault("DeviceName", image.rootDeviceName()), volume,
                Instant.now().truncatedTo(ChronoUnit.SECONDS));
        var address = state.pool.take(null);
        if (address == null) {
            throw new Ec2Error("InsufficientInstanceCapacity", "We currently do not have sufficient "
                    + type + " capacity in the Availability Zone you requested (" + subnet.zone() + ").");
        }
        var instance = new StandInInstance(StandInState.id("i"), StandInState.id("r"), launch,
                publicIp ? state.privateAddress(subnet) : address, publicIp ? address : null);
        instance.tags.putAll(NetworkActions.tags(params, "instance"));
        state.instances.put(instance.id, instance);
        if (token != null) {
            state.clientTokens.put(token, instance.id);
        }
        var keyFile = keyName == null ? null : keyFile(state.keyPairs.get(keyName).publicKey(), instance.id);
        hosts.launch(instance, keyFile, hostFailures::add);
        return reservation(instance);
    }

    String describeInstances(QueryParams params) {
        var ids = params.list("InstanceId");
        ids.forEach(state::instance);
        var filters = params.filters();
        var found = state.instances.values().stream()
                .filter(i -> ids.isEmpty() || ids.contains(i.id))
                .filter(i -> Filters.match(filters, attributes(i), List.of("instance-id", "instance-state-name",
                        "instance.group-id", "key-name", "client-token", "vpc-id", "subnet-id",
                        "availability-zone", "image-id", "instance-type")))
                .toList();
        // one reservation per instance, as each was launched alone
        return new Xml().items("reservationSet", found, (x, instance) -> x
                .leaf("reservationId", instance.reservationId).leaf("ownerId", StandInState.ACCOUNT)
                .open("groupSet").close("groupSet")
                .items("instancesSet", List.of(instance), (y, i) -> i.write(y, state::groupName))).toString();
    }

    String startInstances(QueryParams params) {
        return changes(params, instance -> {
            switch (instance.state()) {
                case "stopped" -> hosts.start(instance, hostFailures::add);
                case "pending", "running" -> { }
                default -> throw incorrectState(instance, "start");
            }
        });
    }

    /** {@code Force} (kill) and a graceful stop both take the host down at once: the test host has no shutdown. */
    String stopInstances(QueryParams params) {
        return changes(params, instance -> {
            switch (instance.state()) {
                case "running" -> hosts.stop(instance, hostFailures::add);
                case "stopping", "stopped" -> { }
                default -> throw incorrectState(instance, "stop");
            }
        });
    }

    String rebootInstances(QueryParams params) {
        var instances = params.list("InstanceId").stream().map(state::instance).toList();
        for (var instance : instances) {
            if (!instance.state().equals("running")) {
                throw incorrectState(instance, "reboot");
            }
        }
        instances.forEach(hosts::reboot);
        return new Xml().leaf("return", true).toString();
    }

    String terminateInstances(QueryParams params) {
        return changes(params, instance -> {
            if (!instance.state().equals("terminated") && !instance.state().equals("shutting-down")) {
                hosts.terminate(instance, hostFailures::add);
            }
        });
    }

    String createTags(QueryParams params) {
        var tags = new LinkedHashMap<String, String>();
        for (var tag : params.members("Tag")) {
            tags.put(tag.require("Key"), tag.get("Value") == null ? "" : tag.get("Value"));
        }
        for (var id : params.list("ResourceId")) {
            if (id.startsWith("i-")) {
                var instance = state.instance(id);
                synchronized (instance) {
                    instance.tags.putAll(tags);
                }
            } else if (id.startsWith("sg-")) {
                var group = state.group(id);
                synchronized (group) {
                    group.tags.putAll(tags);
                }
            } else {
                throw new Ec2Error("InvalidID", "The ID '" + id + "' is not valid");
            }
        }
        return new Xml().leaf("return", true).toString();
    }

    private String changes(QueryParams params, Consumer<StandInInstance> change) {
        var instances = params.list("InstanceId").stream().map(state::instance).toList();
        var before = new HashMap<String, String>();
        for (var instance : instances) {
            synchronized (instance) {
                before.put(instance.id, instance.state());
                change.accept(instance);
            }
        }
        return new Xml().items("instancesSet", instances, (x, i) -> x.leaf("instanceId", i.id)
                .open("currentState").leaf("code", StandInInstance.code(i.state())).leaf("name", i.state())
                .close("currentState")
                .open("previousState").leaf("code", StandInInstance.code(before.get(i.id)))
                .leaf("name", before.get(i.id)).close("previousState")).toString();
    }

    private String reservation(StandInInstance instance) {
        return new Xml().leaf("reservationId", instance.reservationId).leaf("ownerId", StandInState.ACCOUNT)
                .open("groupSet").close("groupSet")
                .items("instancesSet", List.of(instance), (x, i) -> i.write(x, state::groupName)).toString();
    }

    private static Ec2Error incorrectState(StandInInstance instance, String what) {
        return new Ec2Error("IncorrectInstanceState", "The instance '" + instance.id + "' is not in a state from "
                + "which it can be " + (what.equals("stop") ? "stopped" : what + "ed") + ".");
    }

    private static Map<String, List<String>> attributes(StandInInstance i) {
        synchronized (i) {
            var launch = i.launch;
            var attributes = new HashMap<String, List<String>>();
            attributes.put("instance-id", List.of(i.id));
            attributes.put("instance-state-name", List.of(i.state()));
            attributes.put("instance.group-id", launch.groupIds());
            attributes.put("key-name", launch.keyName() == null ? List.of() : List.of(launch.keyName()));
            attributes.put("client-token", launch.clientToken() == null ? List.of() : List.of(launch.clientToken()));
            attributes.put("vpc-id", List.of(launch.vpcId()));
            attributes.put("subnet-id", List.of(launch.subnetId()));
            attributes.put("availability-zone", List.of(launch.zone()));
            attributes.put("image-id", List.of(launch.imageId()));
            attributes.put("instance-type", List.of(launch.instanceType()));
            return NetworkActions.withTags(attributes, i.tags);
        }
    }

    private java.nio.file.Path keyFile(String publicKey, String instanceId) {
        try {
            var file = state.keyFiles.resolve(instanceId + ".pub");
            Files.writeString(file, publicKey + "\n");
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
