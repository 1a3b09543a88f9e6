package io.harbormaster.testing.ec2;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The test-host addresses the stand-in's instances may use, handed out in turn, so that an instance started again gets
 * another address than the one it had, as an EC2 instance without an Elastic IP does.
 */
final class AddressPool {

    private final List<String> addresses;
    private final Set<String> taken = new HashSet<>();
    private int next;

    AddressPool(List<String> addresses) {
        if (addresses.isEmpty()) {
            throw new IllegalArgumentException("the stand-in needs at least one test-host address");
        }
        this.addresses = List.copyOf(addresses);
    }

    /** A free address other than {@code not}, or null when none is left. */
    synchronized String take(String not) {
        for (int i = 0; i < addresses.size(); i++) {
            var candidate = addresses.get((next + i) % addresses.size());
            if (!taken.contains(candidate) && !candidate.equals(not)) {
                next = (next + i + 1) % addresses.size();
                taken.add(candidate);
                return candidate;
            }
        }
        return null;
    }

    synchronized void release(String address) {
        if (address != null) {
            taken.remove(address);
        }
    }
}
