package io.harbormaster.testing.ec2;

import io.harbormaster.testing.ec2.StandInResources.Image;
import io.harbormaster.testing.ec2.StandInResources.KeyPair;
import io.harbormaster.testing.ec2.StandInResources.SecurityGroup;
import io.harbormaster.testing.ec2.StandInResources.Subnet;
import io.harbormaster.testing.ec2.StandInResources.Vpc;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Everything the stand-in's account holds in its one region: a default VPC with a default subnet in zones a and b,
 * the images, key pairs, security groups and instances, and where the instances' hosts get their addresses.
 */
final class StandInState {

    static final String ACCOUNT = "123456789012";
    static final String CANONICAL = "099720109477";

    private static final SecureRandom RANDOM = new SecureRandom();

    final String region;
    final Vpc defaultVpc = new Vpc("vpc-0a1b2c3d4e5f60718", "172.31.0.0/16", true);
    final List<Vpc> vpcs = List.of(defaultVpc);
    final List<Subnet> subnets;
    final Map<String, Image> images = new ConcurrentSkipListMap<>();
    final Map<String, KeyPair> keyPairs = new ConcurrentSkipListMap<>();
    final Map<String, SecurityGroup> groups = new ConcurrentSkipListMap<>();
    final Map<String, StandInInstance> instances = new ConcurrentSkipListMap<>();
    final Map<String, String> clientTokens = new ConcurrentHashMap<>();
    final AddressPool pool;
    final ExecutorService hostWork;
    final Path keyFiles;
    private final AtomicInteger privateAddresses = new AtomicInteger(10);

    StandInState(String region, List<String> addresses, ExecutorService hostWork, Path keyFiles) {
        this.region = region;
        this.pool = new AddressPool(addresses);
        this.hostWork = hostWork;
        this.keyFiles = keyFiles;
        this.subnets = List.of(
                new Subnet("subnet-0aaa1111bbbb2222c", defaultVpc.id(), region + "a", "172.31.0.0/20", true),
                new Subnet("subnet-0ddd3333eeee4444f", defaultVpc.id(), region + "b", "172.31.16.0/20", true));
        var defaultGroup = new SecurityGroup("sg-0" + hex(8), "default", "default VPC security group",
                defaultVpc.id());
        groups.put(defaultGroup.id, defaultGroup);
    }

    /** A new id such as {@code i-0123456789abcdef0} (17 hex digits after the prefix, as EC2's). */
    static String id(String prefix) {
        return prefix + "-0" + hex(8);
    }

    static String hex(int bytes) {
        var raw = new byte[bytes];
        RANDOM.nextBytes(raw);
        return HexFormat.of().formatHex(raw);
    }

    /** A private address in the subnet that no instance has: never a test host's, so never reachable. */
    String privateAddress(Subnet subnet) {
        var n = privateAddresses.getAndIncrement();
        var base = subnet.cidr().split("\\.");
        return "172.31." + (Integer.parseInt(base[2]) + n / 250) + "." + (n % 250 + 4);
    }

    Subnet subnet(String id) {
        return subnets.stream().filter(s -> s.id().equals(id)).findFirst().orElseThrow(() -> new Ec2Error(
                "InvalidSubnetID.NotFound", "The subnet ID '" + id + "' does not exist"));
    }

    StandInInstance instance(String id) {
        if (!id.matches("^i-[0-9a-f]{8,17}$")) {
            throw new Ec2Error("InvalidInstanceID.Malformed", "Invalid id: \"" + id + "\"");
        }
        var instance = instances.get(id);
        if (instance == null) {
            throw new Ec2Error("InvalidInstanceID.NotFound", "The instance ID '" + id + "' does not exist");
        }
        return instance;
    }

    SecurityGroup group(String id) {
        var group = groups.get(id);
        if (group == null) {
            throw new Ec2Error("InvalidGroup.NotFound", "The security group '" + id + "' does not exist");
        }
        return group;
    }

    String groupName(String id) {
        var group = groups.get(id);
        return group == null ? null : group.name;
    }
}
