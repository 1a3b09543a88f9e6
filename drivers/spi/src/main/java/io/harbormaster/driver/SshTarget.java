package io.harbormaster.driver;

/**
 * Where to open an SSH session to a host: its address (IP or DNS name), port and login user. The key itself lives in
 * the secret store. Checked on construction, so a bad option fails when it is given rather than at connect time.
 */
public record SshTarget(String host, int port, String user) {

    public SshTarget {
        if (host == null || host.isBlank()) {
            throw new IllegalArgumentException("an SSH target needs a host (an IP address or DNS name)");
        }
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("SSH port must be between 1 and 65535, not " + port);
        }
        if (user == null || user.isBlank()) {
            throw new IllegalArgumentException("an SSH target needs a user to log in as");
        }
        host = host.strip();
        user = user.strip();
    }

    /** {@code host:port}, with an IPv6 address in brackets, as error messages name the target. */
    public String address() {
        return (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + port;
    }

    @Override
    public String toString() {
        return user + "@" + address();
    }
}
