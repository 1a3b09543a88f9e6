package io.harbormaster.testing.ec2;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/** The stand-in's resources other than instances, as EC2 describes them. */
final class StandInResources {

    private StandInResources() {
    }

    record Vpc(String id, String cidr, boolean isDefault) {
    }

    record Subnet(String id, String vpcId, String zone, String cidr, boolean defaultForAz) {
    }

    /** A machine image; {@code rootDeviceName} is where its root volume is attached, such as /dev/sda1. */
    public record Image(String id, String name, String ownerId, String rootDeviceName, String architecture,
                        String creationDate) {
    }

    record KeyPair(String id, String name, String fingerprint, String publicKey, Map<String, String> tags) {
    }

    record Permission(String protocol, int fromPort, int toPort, String cidr) {
    }

    /** A security group; its rules and tags change, so access is synchronized on the group. */
    static final class SecurityGroup {
        final String id;
        final String name;
        final String description;
        final String vpcId;
        final Set<Permission> ingress = new LinkedHashSet<>();
        final Map<String, String> tags = new LinkedHashMap<>();

        SecurityGroup(String id, String name, String description, String vpcId) {
            this.id = id;
            this.name = name;
            this.description = description;
            this.vpcId = vpcId;
        }
    }
}
