package io.harbormaster.driver.amazonec2;

import io.harbormaster.driver.DriverException;
import java.util.Comparator;
import software.amazon.awssdk.services.ec2.model.Filter;
import software.amazon.awssdk.services.ec2.model.Subnet;

/**
 * Where an instance goes: its subnet, VPC and zone. A given subnet decides the VPC (and must lie in a given VPC);
 * otherwise the VPC's (given or the region's default) subnet in the zone, preferring the zone's default subnet, as
 * docker-machine chooses.
 */
record Placement(String vpcId, String subnetId, String zone) {

    static Placement resolve(Ec2Target target, Ec2Options options) {
        var zone = target.region() + options.zone();
        if (options.subnetId() != null) {
            var subnet = AwsErrors.call(target, "look up subnet " + options.subnetId(), () -> target.client()
                    .describeSubnets(r -> r.subnetIds(options.subnetId()))).subnets().stream().findFirst()
                    .orElseThrow(() -> new DriverException("Subnet " + options.subnetId() + " does not exist in "
                            + target.region() + ". Check amazonec2-subnet-id and amazonec2-region."));
            if (options.vpcId() != null && !options.vpcId().equals(subnet.vpcId())) {
                throw new DriverException("Subnet " + subnet.subnetId() + " belongs to " + subnet.vpcId() + ", not to "
                        + options.vpcId() + ". Give a subnet of that VPC, or leave amazonec2-vpc-id out.");
            }
            return new Placement(subnet.vpcId(), subnet.subnetId(), subnet.availabilityZone());
        }
        var vpc = options.vpcId() != null ? options.vpcId() : defaultVpc(target);
        var subnets = AwsErrors.call(target, "look up the subnets of " + vpc + " in " + zone, () -> target.client()
                .describeSubnets(r -> r.filters(Filter.builder().name("vpc-id").values(vpc).build(),
                        Filter.builder().name("availability-zone").values(zone).build()))).subnets();
        var subnet = subnets.stream()
                .max(Comparator.comparing((Subnet s) -> Boolean.TRUE.equals(s.defaultForAz())))
                .orElseThrow(() -> new DriverException("VPC " + vpc + " has no subnet in zone " + zone + ". Choose "
                        + "another zone (amazonec2-zone) or give a subnet (amazonec2-subnet-id)."));
        return new Placement(vpc, subnet.subnetId(), zone);
    }

    private static String defaultVpc(Ec2Target target) {
        return AwsErrors.call(target, "look up the default VPC", () -> target.client()
                .describeVpcs(r -> r.filters(Filter.builder().name("is-default").values("true").build()))).vpcs()
                .stream().findFirst().orElseThrow(() -> new DriverException("Region " + target.region() + " has no "
                        + "default VPC for this account. Give amazonec2-vpc-id or amazonec2-subnet-id.")).vpcId();
    }
}
