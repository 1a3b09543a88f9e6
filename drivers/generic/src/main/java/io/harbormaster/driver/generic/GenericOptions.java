package io.harbormaster.driver.generic;

import io.harbormaster.driver.DriverOption;
import java.util.List;
import io.harbormaster.api.machine.DriverOptions;
import io.harbormaster.driver.InvalidDriverOptionsException;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * docker-machine's generic flags as driver options: {@code ip-address} (an IP or a DNS name, required),
 * {@code ssh-user} (root), {@code ssh-port} (22), {@code engine-port} (2376). The SSH key is never a driver option:
 * options are recorded in events, so a key is imported into the secret store instead.
 */
record GenericOptions(String address, String sshUser, int sshPort, int enginePort) {

    static final String ADDRESS = "ip-address";
    static final String SSH_USER = "ssh-user";
    static final String SSH_PORT = "ssh-port";
    static final String ENGINE_PORT = "engine-port";
    static final String SSH_KEY = "ssh-key";
    private static final Set<String> KNOWN = Set.of(ADDRESS, SSH_USER, SSH_PORT, ENGINE_PORT);
    static final List<DriverOption> DESCRIBED = List.of(
            new DriverOption(ADDRESS, "Address", "The host's IP address or DNS name, reachable "
                    + "over SSH from the platform.", true, null, DriverOption.Kind.HOST),
            new DriverOption(SSH_USER, "SSH user", "The user to log in as: root, or a user who "
                    + "may run sudo without a password.", false, "root", DriverOption.Kind.TEXT),
            new DriverOption(SSH_PORT, "SSH port", "The port sshd listens on.", false, "22",
                    DriverOption.Kind.PORT),
            new DriverOption(ENGINE_PORT, "Docker port", "The port Docker Engine will listen "
                    + "on with TLS.", false, "2376", DriverOption.Kind.PORT));
    private static final Pattern HOST = Pattern.compile("^[A-Za-z0-9]([A-Za-z0-9.:-]{0,252}[A-Za-z0-9])?$");
    private static final Pattern USER = Pattern.compile("^[a-z_][a-z0-9_-]{0,31}$");

    static GenericOptions from(DriverOptions options) {
        for (var name : options.values().keySet()) {
            if (name.equals(SSH_KEY)) {
                throw new InvalidDriverOptionsException(SSH_KEY, "The SSH key is not a driver option, because "
                        + "options are kept in the machine's history. Send the private key in the request's "
                        + "'sshKey' field: it goes to the secret store only.");
            }
            if (!KNOWN.contains(name)) {
                throw new InvalidDriverOptionsException(name, "The generic driver has no option '" + name
                        + "'. Its options are " + String.join(", ", KNOWN.stream().sorted().toList()) + ".");
            }
        }
        var address = options.get(ADDRESS);
        if (address == null || address.isBlank()) {
            throw new InvalidDriverOptionsException(ADDRESS, "The generic driver needs 'ip-address': the IP or DNS "
                    + "name of an existing host that accepts SSH, like 10.213.0.11.");
        }
        address = address.strip();
        if (!HOST.matcher(address).matches()) {
            throw new InvalidDriverOptionsException(ADDRESS, "'" + shorten(address) + "' is neither an IP address "
                    + "nor a host name.");
        }
        var user = options.get(SSH_USER) == null ? "root" : options.get(SSH_USER).strip();
        if (!USER.matcher(user).matches()) {
            throw new InvalidDriverOptionsException(SSH_USER, "ssh-user '" + shorten(user) + "' is not a valid user name "
                    + "for SSH (lower-case letters, digits, _ and -).");
        }
        return new GenericOptions(address, user, port(options, SSH_PORT, 22), port(options, ENGINE_PORT, 2376));
    }

    private static int port(DriverOptions options, String name, int fallback) {
        var raw = options.get(name);
        if (raw == null || raw.isBlank()) {
            return fallback;
        }
        try {
            var port = Integer.parseInt(raw.strip());
            if (port >= 1 && port <= 65535) {
                return port;
            }
        } catch (NumberFormatException e) {
            // refused below
        }
        throw new InvalidDriverOptionsException(name, "'" + name + "' must be a port number from 1 to 65535; got '"
                + shorten(raw) + "'.");
    }

    private static String shorten(String value) {
        return value.length() <= 40 ? value : value.substring(0, 40) + "…";
    }
}
