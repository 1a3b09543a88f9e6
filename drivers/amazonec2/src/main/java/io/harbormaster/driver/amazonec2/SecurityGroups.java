package io.harbormaster.driver.amazonec2;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import software.amazon.awssdk.services.ec2.model.Filter;
import software.amazon.awssdk.services.ec2.model.InstanceStateName;
import software.amazon.awssdk.services.ec2.model.IpPermission;
import software.amazon.awssdk.services.ec2.model.IpRange;
import software.amazon.awssdk.services.ec2.model.ResourceType;
import software.amazon.awssdk.services.ec2.model.SecurityGroup;
import software.amazon.awssdk.services.ec2.model.Tag;
import software.amazon.awssdk.services.ec2.model.TagSpecification;

/**
 * The machine's security groups, by name in its VPC: missing ones are created (tagged {@value #CREATED_TAG}, so that
 * removing the last machine using one deletes it) and, unless read-only, given SSH, Docker's TLS port 2376 and the
 * open ports from anywhere, as docker-machine does. Groups Harbormaster did not create are never deleted.
 */
final class SecurityGroups {

    static final String CREATED_TAG = "harbormaster-created";
    private static final String ANYWHERE = "0.0.0.0/0";

    /** The groups' ids, and the names of those made now. */
    record Ensured(List<String> ids, List<String> created) {
    }

    private SecurityGroups() {
    }

    static Ensured ensure(Ec2Target target, Ec2Options options, String vpcId) {
        var found = AwsErrors.call(target, "look up security groups " + options.securityGroups(), () -> target
                .client().describeSecurityGroups(r -> r.filters(
                        Filter.builder().name("group-name").values(options.securityGroups()).build(),
                        Filter.builder().name("vpc-id").values(vpcId).build()))).securityGroups();
        var ids = new ArrayList<String>();
        var created = new ArrayList<String>();
        for (var name : options.securityGroups()) {
            var group = found.stream().filter(g -> g.groupName().equals(name)).findFirst().orElse(null);
            String id;
            if (group == null) {
                id = AwsErrors.call(target, "create security group " + name, () -> target.client()
                        .createSecurityGroup(r -> r.groupName(name).vpcId(vpcId)
                                .description("Docker hosts made by Harbormaster")
                                .tagSpecifications(TagSpecification.builder()
                                        .resourceType(ResourceType.SECURITY_GROUP)
                                        .tags(Tag.builder().key(CREATED_TAG).value("true").build()).build())))
                        .groupId();
                created.add(name);
            } else {
                id = group.groupId();
            }
            ids.add(id);
            if (!options.securityGroupReadonly()) {
                open(target, options, id, group);
            }
        }
        return new Ensured(List.copyOf(ids), List.copyOf(created));
    }

    /**
     * Deletes the groups among {@code names} (in any VPC) that Harbormaster created and no live instance uses any
     * more; answers the names deleted. A group still in use elsewhere (DependencyViolation) stays.
     */
    static List<String> deleteUnused(Ec2Target target, List<String> names) {
        var ours = AwsErrors.call(target, "look up security groups " + names, () -> target.client()
                .describeSecurityGroups(r -> r.filters(
                        Filter.builder().name("group-name").values(names).build(),
                        Filter.builder().name("tag:" + CREATED_TAG).values("true").build()))).securityGroups();
        var deleted = new ArrayList<String>();
        for (var group : ours) {
            var users = AwsErrors.call(target, "look up instances in security group " + group.groupName(), () ->
                    target.client().describeInstances(r -> r.filters(
                            Filter.builder().name("instance.group-id").values(group.groupId()).build(),
                            Filter.builder().name("instance-state-name").values(
                                    InstanceStateName.PENDING.toString(), InstanceStateName.RUNNING.toString(),
                                    InstanceStateName.STOPPING.toString(), InstanceStateName.STOPPED.toString(),
                                    InstanceStateName.SHUTTING_DOWN.toString()).build())))
                    .reservations().stream().mapToLong(r -> r.instances().size()).sum();
            if (users > 0) {
                continue;
            }
            try {
                AwsErrors.call(target, "delete security group " + group.groupName(), () -> target.client()
                        .deleteSecurityGroup(r -> r.groupId(group.groupId())));
                deleted.add(group.groupName());
            } catch (AwsErrors.Ec2Refusal e) {
                if (!e.code().equals("DependencyViolation") && !e.code().equals("InvalidGroup.NotFound")) {
                    throw e;
                }
            }
        }
        return deleted;
    }

    private static void open(Ec2Target target, Ec2Options options, String groupId, SecurityGroup existing) {
        var has = new HashSet<String>();
        if (existing != null) {
            for (var permission : existing.ipPermissions()) {
                if (permission.fromPort() != null && permission.ipRanges().stream()
                        .anyMatch(range -> ANYWHERE.equals(range.cidrIp()))) {
                    has.add(permission.fromPort() + "/" + permission.ipProtocol());
                }
            }
        }
        var wanted = new ArrayList<Ec2Options.OpenPort>();
        wanted.add(new Ec2Options.OpenPort(options.sshPort(), "tcp"));
        wanted.add(new Ec2Options.OpenPort(Ec2Options.ENGINE_PORT, "tcp"));
        wanted.addAll(options.openPorts());
        var missing = wanted.stream().distinct().filter(p -> !has.contains(p.port() + "/" + p.protocol()))
                .map(p -> IpPermission.builder().ipProtocol(p.protocol()).fromPort(p.port()).toPort(p.port())
                        .ipRanges(IpRange.builder().cidrIp(ANYWHERE).build()).build())
                .toList();
        if (missing.isEmpty()) {
            return;
        }
        try {
            AwsErrors.call(target, "open ports in security group " + groupId, () -> target.client()
                    .authorizeSecurityGroupIngress(r -> r.groupId(groupId).ipPermissions(missing)));
        } catch (AwsErrors.Ec2Refusal e) {
            // another machine's create opened them at the same moment
            if (!e.code().equals("InvalidPermission.Duplicate")) {
                throw e;
            }
        }
    }
}
