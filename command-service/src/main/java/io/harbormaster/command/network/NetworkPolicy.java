package io.harbormaster.command.network;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Where the platform may connect: the networks machine addresses may be in. The most specific entry that contains
 * an address decides (deny wins a tie); an address no allow entry contains is refused. Link-local addresses
 * (169.254.0.0/16, fe80::/10: the cloud metadata service lives there) are refused unless an allow entry inside
 * those ranges names them, so allowing "everything" (0.0.0.0/0) does not open them.
 */
record NetworkPolicy(List<Cidr> allow, List<Cidr> deny) {

    static final List<Cidr> LINK_LOCAL = List.of(Cidr.parse("169.254.0.0/16"), Cidr.parse("fe80::/10"));

    NetworkPolicy {
        allow = List.copyOf(allow);
        deny = List.copyOf(deny);
    }

    /**
     * Parses both lists; an entry that is no network is refused with the list's name and the entry's position
     * ({@code allow[2]}).
     */
    static NetworkPolicy parse(List<String> allow, List<String> deny) {
        return new NetworkPolicy(parse("allow", allow), parse("deny", deny));
    }

    private static List<Cidr> parse(String list, List<String> entries) {
        if (entries == null) {
            throw new InvalidNetworkException(list, list + " must be given (an empty list is fine)");
        }
        var parsed = new ArrayList<Cidr>();
        for (int i = 0; i < entries.size(); i++) {
            try {
                parsed.add(Cidr.parse(entries.get(i)));
            } catch (IllegalArgumentException e) {
                throw new InvalidNetworkException(list + "[" + i + "]", list + "[" + i + "] " + e.getMessage());
            }
        }
        return parsed;
    }

    /** Why the platform may not connect to {@code address} (the rule, in words), or empty when it may. */
    Optional<String> refusal(InetAddress address) {
        var allowedBy = mostSpecific(allow, address);
        var deniedBy = mostSpecific(deny, address);
        if (deniedBy.isPresent() && (allowedBy.isEmpty() || deniedBy.get().prefix() >= allowedBy.get().prefix())) {
            return Optional.of(address.getHostAddress() + " is in the denied network " + deniedBy.get());
        }
        if (allowedBy.isEmpty()) {
            return Optional.of(address.getHostAddress() + " is in none of the allowed networks " + allow);
        }
        var linkLocal = LINK_LOCAL.stream().filter(range -> range.contains(address)).findFirst();
        if (linkLocal.isPresent() && !linkLocal.get().covers(allowedBy.get())) {
            return Optional.of(address.getHostAddress() + " is link-local (" + linkLocal.get() + ", where cloud "
                    + "metadata services answer), refused unless a network inside " + linkLocal.get()
                    + " is allowed explicitly");
        }
        return Optional.empty();
    }

    List<String> allowText() {
        return allow.stream().map(Cidr::toString).toList();
    }

    List<String> denyText() {
        return deny.stream().map(Cidr::toString).toList();
    }

    private static Optional<Cidr> mostSpecific(List<Cidr> networks, InetAddress address) {
        return networks.stream().filter(network -> network.contains(address))
                .max(Comparator.comparingInt(Cidr::prefix));
    }
}
