package io.harbormaster.workstation.dockermachine;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Which of a docker-machine driver's settings ({@code config.json}'s {@code Driver} object) are recorded with an
 * imported machine, for the audit: an allow-list of scalar settings known to be harmless (addresses, ports, users,
 * regions, sizes, images, instance ids). Everything else is left out by name, since drivers keep credentials right
 * there (amazonec2's {@code AccessKey} and {@code SecretKey}, digitalocean's {@code AccessToken}, openstack's and
 * vsphere's {@code Password}, azure's {@code ClientSecret}) and a deny-list would miss the next driver's spelling.
 * Local paths of the old workstation ({@code SSHKeyPath}, {@code StorePath}) are left out too: they mean nothing on
 * the platform. Applied on the workstation before anything is sent, and again by the server.
 */
public final class DriverSettings {

    /** The longest value kept; longer ones are not addresses or sizes and are left out. */
    static final int MAX_VALUE_LENGTH = 256;

    private static final Set<String> RECORDED = Set.of(
            // every driver's base (libmachine/drivers/base.go) and the engine's port
            "IPAddress", "MachineName", "SSHUser", "SSHPort", "EnginePort", "DockerPort", "URL",
            // where and what the host is, in the words of the cloud and hypervisor drivers
            "Region", "Zone", "AvailabilityZone", "Location", "Environment", "InstanceType", "Size", "MachineType",
            "FlavorName", "FlavorId", "Image", "ImageName", "ImageId", "AMI", "MachineImage", "InstanceId", "Id",
            "ID", "DropletID", "DropletName", "MachineId", "VpcId", "SubnetId", "ResourceGroup", "Project", "Network",
            "Subnetwork", "VirtualNetwork", "SubnetName", "Datacenter", "Datastore", "Folder", "Pool", "HostSystem",
            "CPU", "CPUS", "Memory", "MemSize", "DiskSize", "RootSize", "DiskType", "VolumeType", "StorageType",
            "PrivateIPAddress", "PrivateIPAddr", "UsePrivateIP", "PrivateIPOnly", "UseInternalIP",
            "UseInternalIPOnly", "Preemptible", "RequestSpotInstance", "Monitoring", "Backups", "IPv6",
            "PrivateNetworking", "KeyName", "KeyPairName", "Boot2DockerURL", "HostOnlyCIDR", "NoShare", "VSwitch",
            "Tags");

    private DriverSettings() {
    }

    /** The settings kept and the names of those left out, both sorted. */
    public record Filtered(Map<String, String> kept, List<String> leftOut) {

        public Filtered {
            kept = java.util.Collections.unmodifiableMap(new TreeMap<>(kept));
            leftOut = List.copyOf(leftOut);
        }
    }

    /**
     * Keeps the allowed settings whose values are scalars (given here as text; null for an object, an array or
     * null) of at most {@link #MAX_VALUE_LENGTH} characters and without PEM text; names the rest. Empty values are
     * dropped silently: they say nothing.
     */
    public static Filtered filter(Map<String, String> settings) {
        var kept = new TreeMap<String, String>();
        var leftOut = new ArrayList<String>();
        new TreeMap<>(settings).forEach((name, value) -> {
            if (value != null && value.isEmpty()) {
                return;
            }
            if (RECORDED.contains(name) && value != null && value.length() <= MAX_VALUE_LENGTH
                    && !value.contains("-----BEGIN") && value.chars().noneMatch(Character::isISOControl)) {
                kept.put(name, value);
            } else {
                leftOut.add(name);
            }
        });
        return new Filtered(kept, leftOut);
    }
}
