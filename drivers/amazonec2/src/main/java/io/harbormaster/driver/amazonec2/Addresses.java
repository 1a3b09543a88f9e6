package io.harbormaster.driver.amazonec2;

import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.ec2.model.Instance;

/**
 * Which of an instance's addresses the platform uses: the public IP, or the private one with
 * {@code private-address-only} or {@code use-private-address}. A stopped instance has no public IP; then there is no
 * primary address, and none is reported, so the reconciler does not take the private one for a move.
 */
final class Addresses {

    private Addresses() {
    }

    /** The address to reach the host at, or null while it has none. */
    static String primary(Instance instance, Ec2Options options) {
        return options.reachesPrivateAddress() ? instance.privateIpAddress() : instance.publicIpAddress();
    }

    /** The primary address first, then the instance's other address and its public DNS name, for certificates. */
    static List<String> all(Instance instance, Ec2Options options) {
        var primary = primary(instance, options);
        if (primary == null) {
            return List.of();
        }
        var all = new ArrayList<String>();
        all.add(primary);
        for (var other : new String[] {instance.publicIpAddress(), instance.privateIpAddress(),
                instance.publicDnsName()}) {
            if (other != null && !other.isBlank() && !all.contains(other)) {
                all.add(other);
            }
        }
        return List.copyOf(all);
    }
}
