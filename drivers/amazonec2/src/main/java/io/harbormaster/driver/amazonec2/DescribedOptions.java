package io.harbormaster.driver.amazonec2;

import static io.harbormaster.driver.amazonec2.Ec2Options.name;

import io.harbormaster.driver.DriverOption;
import io.harbormaster.driver.DriverOption.Kind;
import java.util.List;

/** The amazonec2 options described for forms (the portal's create wizard), in the order a form shows them. */
final class DescribedOptions {

    static final List<DriverOption> ALL = List.of(
            option("credential", "Credential", "The name of the team's AWS credential to use. Without it the "
                    + "platform's own AWS identity is used, where the operator allows that.", null, Kind.TEXT),
            option("region", "Region", "The AWS region, such as eu-west-1. Defaults to the credential's region, "
                    + "else us-east-1.", null, Kind.TEXT),
            option("zone", "Zone", "The availability zone's letter within the region.", "a", Kind.TEXT),
            option("instance-type", "Instance type", "The EC2 instance type, such as t3.small.", "t2.micro",
                    Kind.TEXT),
            option("ami", "Image (AMI)", "The image to boot. Defaults to the region's newest Ubuntu 24.04 LTS "
                    + "(amd64) image published by Canonical.", null, Kind.TEXT),
            option("ssh-user", "SSH user", "The image's login user, which may run sudo without a password.",
                    "ubuntu", Kind.TEXT),
            option("ssh-port", "SSH port", "The port sshd listens on.", "22", Kind.PORT),
            option("vpc-id", "VPC", "The VPC to launch in. Defaults to the region's default VPC (or the subnet's).",
                    null, Kind.TEXT),
            option("subnet-id", "Subnet", "The subnet to launch in. Defaults to the VPC's default subnet in the "
                    + "zone.", null, Kind.TEXT),
            option("security-group", "Security groups", "Security group names, separated by commas; missing ones "
                    + "are created with SSH and Docker's port 2376 open.", "docker-machine", Kind.LIST),
            option("security-group-readonly", "Leave security groups as they are", "Do not add rules to existing "
                    + "security groups.", "false", Kind.BOOLEAN),
            option("open-port", "Open ports", "More ports to open to the world, separated by commas, such as "
                    + "8080,53/udp.", null, Kind.LIST),
            option("tags", "Tags", "More instance tags as key1,value1,key2,value2.", null, Kind.LIST),
            option("root-size", "Root disk (GiB)", "The size of the root volume in GiB.", "16", Kind.NUMBER),
            option("volume-type", "Volume type", "The root volume's EBS type: gp2, gp3, io1, io2, st1, sc1 or "
                    + "standard.", "gp2", Kind.TEXT),
            option("device-name", "Root device", "The root volume's device name. Defaults to the image's root "
                    + "device.", null, Kind.TEXT),
            option("iam-instance-profile", "IAM instance profile", "An instance profile name or ARN for the "
                    + "instance's own AWS permissions.", null, Kind.TEXT),
            option("request-spot-instance", "Spot instance", "Launch a Spot instance instead of an on-demand one.",
                    "false", Kind.BOOLEAN),
            option("spot-price", "Spot price", "The highest price per hour, in dollars, for a Spot instance.",
                    "0.50", Kind.TEXT),
            option("private-address-only", "Private address only", "Give the instance no public IP address; the "
                    + "platform reaches it at its private one.", "false", Kind.BOOLEAN),
            option("use-private-address", "Use the private address", "Reach the instance at its private address "
                    + "even though it has a public one.", "false", Kind.BOOLEAN),
            option("monitoring", "Detailed monitoring", "Turn on CloudWatch detailed monitoring.", "false",
                    Kind.BOOLEAN),
            option("use-ebs-optimized-instance", "EBS-optimized", "Launch an EBS-optimized instance.", "false",
                    Kind.BOOLEAN),
            option("userdata", "User data", "cloud-init user data, as text (not a file name). It is kept in the "
                    + "machine's history, so never put a secret in it.", null, Kind.TEXT),
            option("http-tokens", "Instance metadata tokens", "required (IMDSv2 only, the default) or optional "
                    + "(IMDSv1 too).", "required", Kind.TEXT));

    static final List<String> NAMES = ALL.stream().map(DriverOption::name).toList();

    private DescribedOptions() {
    }

    private static DriverOption option(String option, String label, String description, String defaultValue,
                                       Kind kind) {
        return new DriverOption(name(option), label, description, false, defaultValue, kind);
    }
}
