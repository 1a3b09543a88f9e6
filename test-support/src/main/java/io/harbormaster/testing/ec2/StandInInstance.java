package io.harbormaster.testing.ec2;

import io.harbormaster.testing.TestHost;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * One instance of the stand-in: what RunInstances asked for, and its state as EC2 names it. Its host is a real test
 * host; the state moves (pending, running, stopping, stopped, shutting-down, terminated) as the host comes and goes.
 * Fields that change are guarded by the instance's monitor.
 */
final class StandInInstance {

    /** What RunInstances fixed for the instance's life. */
    record Launch(String imageId, String instanceType, String keyName, String subnetId, String vpcId, String zone,
                  List<String> groupIds, boolean associatePublicIp, String clientToken, String iamInstanceProfile,
                  boolean monitoring, boolean ebsOptimized, String httpTokens, String userData, String marketType,
                  String rootDeviceName, Map<String, String> volume, Instant launchTime) {
    }

    final String id;
    final String reservationId;
    final String hostName;
    final Launch launch;
    final String privateIp;
    final Map<String, String> tags = new LinkedHashMap<>();
    private String state = "pending";
    private String publicIp;
    private String stateReason;
    private TestHost host;

    StandInInstance(String id, String reservationId, Launch launch, String privateIp, String publicIp) {
        this.id = id;
        this.reservationId = reservationId;
        this.hostName = "ec2-" + id.substring(2);
        this.launch = launch;
        this.privateIp = privateIp;
        this.publicIp = publicIp;
    }

    synchronized String state() {
        return state;
    }

    synchronized void state(String state, String reason) {
        this.state = state;
        this.stateReason = reason;
    }

    synchronized String publicIp() {
        return publicIp;
    }

    synchronized void publicIp(String address) {
        this.publicIp = address;
    }

    /** The address the instance's host answers at: its public IP, or its private one when it has none. */
    synchronized String hostAddress() {
        return launch.associatePublicIp() ? publicIp : privateIp;
    }

    synchronized TestHost host() {
        return host;
    }

    synchronized void host(TestHost host) {
        this.host = host;
    }

    synchronized boolean terminated() {
        return state.equals("terminated");
    }

    static int code(String state) {
        return switch (state) {
            case "pending" -> 0;
            case "running" -> 16;
            case "shutting-down" -> 32;
            case "terminated" -> 48;
            case "stopping" -> 64;
            case "stopped" -> 80;
            default -> throw new IllegalArgumentException(state);
        };
    }

    /** The instance as DescribeInstances and RunInstances give it ({@code <item>} of an {@code instancesSet}). */
    synchronized void write(Xml xml, Function<String, String> groupNames) {
        xml.leaf("instanceId", id).leaf("imageId", launch.imageId())
                .open("instanceState").leaf("code", code(state)).leaf("name", state).close("instanceState")
                .leaf("privateDnsName", "ip-" + privateIp.replace('.', '-') + ".ec2.internal")
                .leaf("dnsName", publicIp == null ? "" : "ec2-" + publicIp.replace('.', '-') + ".compute-1.amazonaws.com")
                .leaf("reason", stateReason == null ? "" : stateReason)
                .leaf("keyName", launch.keyName()).leaf("amiLaunchIndex", 0)
                .leaf("instanceType", launch.instanceType()).leaf("launchTime", launch.launchTime())
                .open("placement").leaf("availabilityZone", launch.zone()).leaf("tenancy", "default")
                .close("placement")
                .open("monitoring").leaf("state", launch.monitoring() ? "enabled" : "disabled").close("monitoring")
                .leaf("subnetId", launch.subnetId()).leaf("vpcId", launch.vpcId())
                .leaf("privateIpAddress", privateIp).leaf("ipAddress", publicIp);
        if (stateReason != null) {
            xml.open("stateReason").leaf("code", stateReason).leaf("message", stateReason).close("stateReason");
        }
        xml.items("groupSet", launch.groupIds(), (x, group) -> x.leaf("groupId", group)
                        .leaf("groupName", groupNames.apply(group)))
                .leaf("architecture", "x86_64").leaf("rootDeviceType", "ebs")
                .leaf("rootDeviceName", launch.rootDeviceName())
                .items("blockDeviceMapping", List.of(launch.rootDeviceName()), (x, device) -> x
                        .leaf("deviceName", device).open("ebs").leaf("volumeId", "vol-" + id.substring(2))
                        .leaf("status", "attached").leaf("deleteOnTermination", true).close("ebs"));
        if (launch.marketType() != null) {
            xml.leaf("instanceLifecycle", launch.marketType());
        }
        if (launch.iamInstanceProfile() != null) {
            xml.open("iamInstanceProfile")
                    .leaf("arn", "arn:aws:iam::123456789012:instance-profile/" + launch.iamInstanceProfile())
                    .leaf("id", "AIPA" + id.substring(2).toUpperCase()).close("iamInstanceProfile");
        }
        xml.leaf("ebsOptimized", launch.ebsOptimized())
                .items("tagSet", tags.entrySet(), (x, tag) -> x.leaf("key", tag.getKey()).leaf("value", tag.getValue()))
                .leaf("virtualizationType", "hvm").leaf("hypervisor", "xen")
                .open("metadataOptions").leaf("state", "applied").leaf("httpTokens", launch.httpTokens())
                .leaf("httpPutResponseHopLimit", 2).leaf("httpEndpoint", "enabled").close("metadataOptions");
    }
}
