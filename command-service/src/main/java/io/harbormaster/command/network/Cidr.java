package io.harbormaster.command.network;

import java.math.BigInteger;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.regex.Pattern;

/**
 * A network in CIDR notation ({@code 10.213.0.0/16}, {@code fe80::/10}); a bare address is the network of that one
 * address. Parsed without DNS: only IP literals are accepted.
 */
record Cidr(InetAddress network, int prefix) {

    /** Dotted IPv4 or IPv6 (with colons): never a name, so parsing never asks DNS. */
    private static final Pattern IP_LITERAL = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}|[0-9a-fA-F:.]*:[0-9a-fA-F:.]*");

    Cidr {
        network = masked(network, prefix);
    }

    /** Parses {@code text}; throws {@link IllegalArgumentException} saying what is wrong. */
    static Cidr parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("is empty: give a network such as 10.0.0.0/8 or an address");
        }
        var value = text.strip();
        int slash = value.indexOf('/');
        var address = slash < 0 ? value : value.substring(0, slash);
        if (!IP_LITERAL.matcher(address).matches()) {
            throw new IllegalArgumentException("'" + value + "' is not a network in CIDR notation such as "
                    + "10.0.0.0/8 or fe80::/10 (host names are not allowed here)");
        }
        InetAddress ip;
        try {
            ip = InetAddress.getByName(address);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("'" + value + "' is not an IP address or a network such as 10.0.0.0/8");
        }
        int bits = bits(ip);
        if (slash < 0) {
            return new Cidr(ip, bits);
        }
        int prefix;
        try {
            prefix = Integer.parseInt(value.substring(slash + 1));
        } catch (NumberFormatException e) {
            prefix = -1;
        }
        if (prefix < 0 || prefix > bits) {
            throw new IllegalArgumentException("'" + value + "' has a bad prefix length: use 0 to " + bits);
        }
        return new Cidr(ip, prefix);
    }

    boolean contains(InetAddress address) {
        return bits(address) == bits(network) && masked(address, prefix).equals(network);
    }

    /** Whether every address of {@code other} is in this network. */
    boolean covers(Cidr other) {
        return other.prefix >= prefix && contains(other.network);
    }

    @Override
    public String toString() {
        return network.getHostAddress() + "/" + prefix;
    }

    private static int bits(InetAddress address) {
        return address instanceof Inet4Address ? 32 : 128;
    }

    private static InetAddress masked(InetAddress address, int prefix) {
        var bytes = address.getAddress();
        var value = new BigInteger(1, bytes);
        int bits = bytes.length * 8;
        var mask = prefix == 0 ? BigInteger.ZERO
                : BigInteger.ONE.shiftLeft(prefix).subtract(BigInteger.ONE).shiftLeft(bits - prefix);
        var raw = value.and(mask).toByteArray();
        var out = new byte[bytes.length];
        // BigInteger may add a sign byte or drop leading zero bytes: copy the low bytes right-aligned
        int copy = Math.min(raw.length, out.length);
        System.arraycopy(raw, raw.length - copy, out, out.length - copy, copy);
        try {
            return InetAddress.getByAddress(out);
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }
}
