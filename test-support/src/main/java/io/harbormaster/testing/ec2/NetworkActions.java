package io.harbormaster.testing.ec2;

import io.harbormaster.testing.ec2.StandInResources.KeyPair;
import io.harbormaster.testing.ec2.StandInResources.Permission;
import io.harbormaster.testing.ec2.StandInResources.SecurityGroup;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The stand-in's actions on key pairs, security groups, VPCs, subnets and images. */
final class NetworkActions {

    private final StandInState state;

    NetworkActions(StandInState state) {
        this.state = state;
    }

    /** The imported key is an OpenSSH public key line; EC2 takes RSA and Ed25519 keys only. */
    String importKeyPair(QueryParams params) {
        var name = params.require("KeyName");
        String material;
        try {
            material = new String(Base64.getDecoder().decode(params.require("PublicKeyMaterial")),
                    StandardCharsets.UTF_8).strip();
        } catch (IllegalArgumentException e) {
            throw new Ec2Error("InvalidParameterValue", "Value for parameter PublicKeyMaterial is invalid");
        }
        var fields = material.split("\\s+");
        if (fields.length < 2 || !(fields[0].equals("ssh-rsa") || fields[0].equals("ssh-ed25519"))) {
            throw new Ec2Error("InvalidKey.Format", "Key is not in valid OpenSSH public key format");
        }
        byte[] blob;
        try {
            blob = Base64.getDecoder().decode(fields[1]);
        } catch (IllegalArgumentException e) {
            throw new Ec2Error("InvalidKey.Format", "Key is not in valid OpenSSH public key format");
        }
        var tags = tags(params, "key-pair");
        var key = new KeyPair(StandInState.id("key"), name, fingerprint(blob), fields[0] + " " + fields[1], tags);
        if (state.keyPairs.putIfAbsent(name, key) != null) {
            throw new Ec2Error("InvalidKeyPair.Duplicate", "The keypair already exists");
        }
        return new Xml().leaf("keyFingerprint", key.fingerprint()).leaf("keyName", name)
                .leaf("keyPairId", key.id()).toString();
    }

    String describeKeyPairs(QueryParams params) {
        var names = params.list("KeyName");
        for (var name : names) {
            if (!state.keyPairs.containsKey(name)) {
                throw new Ec2Error("InvalidKeyPair.NotFound", "The key pair '" + name + "' does not exist");
            }
        }
        var filters = params.filters();
        var found = state.keyPairs.values().stream()
                .filter(key -> names.isEmpty() || names.contains(key.name()))
                .filter(key -> Filters.match(filters, withTags(Map.of("key-name", List.of(key.name()),
                        "key-pair-id", List.of(key.id())), key.tags()), List.of("key-name", "key-pair-id")))
                .toList();
        return new Xml().items("keySet", found, (x, key) -> x.leaf("keyPairId", key.id())
                .leaf("keyFingerprint", key.fingerprint()).leaf("keyName", key.name()).leaf("keyType",
                        key.publicKey().startsWith("ssh-rsa") ? "rsa" : "ed25519")
                .items("tagSet", key.tags().entrySet(), (t, tag) -> t.leaf("key", tag.getKey())
                        .leaf("value", tag.getValue()))).toString();
    }

    /** Deleting a key pair that is not there succeeds, as on EC2. */
    String deleteKeyPair(QueryParams params) {
        state.keyPairs.remove(params.require("KeyName"));
        return new Xml().leaf("return", true).toString();
    }

    String createSecurityGroup(QueryParams params) {
        var name = params.require("GroupName");
        var vpc = params.optional("VpcId").orElse(state.defaultVpc.id());
        if (state.vpcs.stream().noneMatch(v -> v.id().equals(vpc))) {
            throw new Ec2Error("InvalidVpcID.NotFound", "The vpc ID '" + vpc + "' does not exist");
        }
        synchronized (state.groups) {
            if (state.groups.values().stream().anyMatch(g -> g.name.equals(name) && g.vpcId.equals(vpc))) {
                throw new Ec2Error("InvalidGroup.Duplicate", "The security group '" + name + "' already exists for "
                        + "VPC '" + vpc + "'");
            }
            var group = new SecurityGroup(StandInState.id("sg"), name, params.require("GroupDescription"), vpc);
            group.tags.putAll(tags(params, "security-group"));
            state.groups.put(group.id, group);
            return new Xml().leaf("return", true).leaf("groupId", group.id).toString();
        }
    }

    String describeSecurityGroups(QueryParams params) {
        var ids = params.list("GroupId");
        ids.forEach(state::group);
        var names = params.list("GroupName");
        var filters = params.filters();
        var found = state.groups.values().stream()
                .filter(g -> ids.isEmpty() || ids.contains(g.id))
                .filter(g -> names.isEmpty() || names.contains(g.name))
                .filter(g -> Filters.match(filters, groupAttributes(g), List.of("group-id", "group-name",
                        "vpc-id", "description")))
                .toList();
        if (!names.isEmpty() && found.isEmpty()) {
            throw new Ec2Error("InvalidGroup.NotFound", "The security group '" + names.getFirst()
                    + "' does not exist in default VPC '" + state.defaultVpc.id() + "'");
        }
        return new Xml().items("securityGroupInfo", found, (x, g) -> {
            synchronized (g) {
                x.leaf("ownerId", StandInState.ACCOUNT).leaf("groupId", g.id).leaf("groupName", g.name)
                        .leaf("groupDescription", g.description).leaf("vpcId", g.vpcId)
                        .items("ipPermissions", g.ingress, (p, rule) -> p.leaf("ipProtocol", rule.protocol())
                                .leaf("fromPort", rule.fromPort()).leaf("toPort", rule.toPort())
                                .open("groups").close("groups")
                                .items("ipRanges", List.of(rule.cidr()), (r, cidr) -> r.leaf("cidrIp", cidr)))
                        .items("tagSet", g.tags.entrySet(), (t, tag) -> t.leaf("key", tag.getKey())
                                .leaf("value", tag.getValue()));
            }
        }).toString();
    }

    String authorizeSecurityGroupIngress(QueryParams params) {
        var group = state.group(params.require("GroupId"));
        var rules = new ArrayList<Permission>();
        for (var permission : params.members("IpPermissions")) {
            var protocol = permission.require("IpProtocol");
            var from = Integer.parseInt(permission.require("FromPort"));
            var to = Integer.parseInt(permission.require("ToPort"));
            var cidrs = permission.members("IpRanges");
            for (var range : cidrs.isEmpty() ? List.of(new QueryParams(Map.of("CidrIp", "0.0.0.0/0"))) : cidrs) {
                rules.add(new Permission(protocol, from, to, range.require("CidrIp")));
            }
        }
        synchronized (group) {
            for (var rule : rules) {
                if (group.ingress.contains(rule)) {
                    throw new Ec2Error("InvalidPermission.Duplicate", "the specified rule \"peer: " + rule.cidr()
                            + ", " + rule.protocol().toUpperCase() + ", from port: " + rule.fromPort() + ", to port: "
                            + rule.toPort() + ", ALLOW\" already exists");
                }
            }
            group.ingress.addAll(rules);
        }
        return new Xml().leaf("return", true).toString();
    }

    /** A group that a live instance uses cannot go, as on EC2. */
    String deleteSecurityGroup(QueryParams params) {
        var group = state.group(params.require("GroupId"));
        var inUse = state.instances.values().stream()
                .anyMatch(i -> !i.terminated() && i.launch.groupIds().contains(group.id));
        if (inUse) {
            throw new Ec2Error("DependencyViolation", "resource " + group.id + " has a dependent object");
        }
        state.groups.remove(group.id);
        return new Xml().leaf("return", true).toString();
    }

    String describeVpcs(QueryParams params) {
        var ids = params.list("VpcId");
        var filters = params.filters();
        var found = state.vpcs.stream()
                .filter(v -> ids.isEmpty() || ids.contains(v.id()))
                .filter(v -> Filters.match(filters, Map.of("vpc-id", List.of(v.id()), "is-default",
                        List.of(String.valueOf(v.isDefault())), "state", List.of("available")),
                        List.of("vpc-id", "is-default", "state")))
                .toList();
        for (var id : ids) {
            if (found.stream().noneMatch(v -> v.id().equals(id))) {
                throw new Ec2Error("InvalidVpcID.NotFound", "The vpc ID '" + id + "' does not exist");
            }
        }
        return new Xml().items("vpcSet", found, (x, v) -> x.leaf("vpcId", v.id()).leaf("state", "available")
                .leaf("cidrBlock", v.cidr()).leaf("ownerId", StandInState.ACCOUNT)
                .leaf("instanceTenancy", "default").leaf("isDefault", v.isDefault())).toString();
    }

    String describeSubnets(QueryParams params) {
        var ids = params.list("SubnetId");
        ids.forEach(state::subnet);
        var filters = params.filters();
        var found = state.subnets.stream()
                .filter(s -> ids.isEmpty() || ids.contains(s.id()))
                .filter(s -> Filters.match(filters, Map.of("subnet-id", List.of(s.id()), "vpc-id", List.of(s.vpcId()),
                        "availability-zone", List.of(s.zone()), "default-for-az",
                        List.of(String.valueOf(s.defaultForAz())), "state", List.of("available")),
                        List.of("subnet-id", "vpc-id", "availability-zone", "default-for-az", "state")))
                .toList();
        return new Xml().items("subnetSet", found, (x, s) -> x.leaf("subnetId", s.id()).leaf("state", "available")
                .leaf("vpcId", s.vpcId()).leaf("cidrBlock", s.cidr()).leaf("availableIpAddressCount", 4091)
                .leaf("availabilityZone", s.zone()).leaf("defaultForAz", s.defaultForAz())
                .leaf("mapPublicIpOnLaunch", true).leaf("ownerId", StandInState.ACCOUNT)).toString();
    }

    String describeImages(QueryParams params) {
        var ids = params.list("ImageId");
        for (var id : ids) {
            if (!state.images.containsKey(id)) {
                throw new Ec2Error("InvalidAMIID.NotFound", "The image id '[" + id + "]' does not exist");
            }
        }
        var owners = params.list("Owner");
        var filters = params.filters();
        var found = state.images.values().stream()
                .filter(i -> ids.isEmpty() || ids.contains(i.id()))
                .filter(i -> owners.isEmpty() || owners.contains(i.ownerId())
                        || owners.contains("amazon") && i.ownerId().equals("137112412989"))
                .filter(i -> Filters.match(filters, Map.of("image-id", List.of(i.id()), "name", List.of(i.name()),
                        "owner-id", List.of(i.ownerId()), "state", List.of("available"), "architecture",
                        List.of(i.architecture()), "root-device-type", List.of("ebs"), "virtualization-type",
                        List.of("hvm")), List.of("image-id", "name", "owner-id", "state", "architecture",
                        "root-device-type", "virtualization-type")))
                .toList();
        return new Xml().items("imagesSet", found, (x, i) -> x.leaf("imageId", i.id())
                .leaf("imageLocation", i.ownerId() + "/" + i.name()).leaf("imageState", "available")
                .leaf("imageOwnerId", i.ownerId()).leaf("creationDate", i.creationDate()).leaf("isPublic", true)
                .leaf("architecture", i.architecture()).leaf("imageType", "machine").leaf("name", i.name())
                .leaf("rootDeviceType", "ebs").leaf("rootDeviceName", i.rootDeviceName())
                .leaf("virtualizationType", "hvm").leaf("hypervisor", "xen")).toString();
    }

    private Map<String, List<String>> groupAttributes(SecurityGroup g) {
        synchronized (g) {
            return withTags(Map.of("group-id", List.of(g.id), "group-name", List.of(g.name), "vpc-id",
                    List.of(g.vpcId), "description", List.of(g.description)), g.tags);
        }
    }

    static Map<String, List<String>> withTags(Map<String, List<String>> attributes, Map<String, String> tags) {
        var all = new HashMap<>(attributes);
        tags.forEach((key, value) -> all.put("tag:" + key, List.of(value)));
        all.put("tag-key", List.copyOf(tags.keySet()));
        return all;
    }

    /** The tags of {@code TagSpecification.N} for {@code resourceType}. */
    static Map<String, String> tags(QueryParams params, String resourceType) {
        var tags = new LinkedHashMap<String, String>();
        for (var spec : params.members("TagSpecification")) {
            if (resourceType.equals(spec.get("ResourceType"))) {
                for (var tag : spec.members("Tag")) {
                    tags.put(tag.require("Key"), tag.get("Value") == null ? "" : tag.get("Value"));
                }
            }
        }
        return tags;
    }

    private static String fingerprint(byte[] blob) {
        try {
            return Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256").digest(blob));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
