package io.harbormaster.command.network;

import io.harbormaster.api.machine.DriverOptions;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;

/**
 * The places a machine's settings make the platform connect to: the {@code url} option (a Docker daemon), the
 * {@code ip-address} option with its {@code ssh-port} and {@code engine-port}, and the Docker URL recorded at
 * creation. The driver SPI says nothing about addresses, so these option names are read whichever driver uses them.
 */
final class MachineEndpoints {

    /** One place: the field that names it, the host (a name or an address) and what is reached there, for messages. */
    record Endpoint(String field, String host, String reached) {
    }

    private MachineEndpoints() {
    }

    static List<Endpoint> of(DriverOptions options, String dockerUrl) {
        var endpoints = new ArrayList<Endpoint>();
        var values = options == null ? DriverOptions.none() : options;
        var url = values.get("url");
        if (url != null) {
            host(url).ifPresent(host -> endpoints.add(new Endpoint("driverOptions.url", host, "the Docker daemon at "
                    + url.strip())));
        }
        var address = values.get("ip-address");
        if (address != null && !address.isBlank()) {
            endpoints.add(new Endpoint("driverOptions.ip-address", address.strip(), "SSH on port "
                    + orDefault(values.get("ssh-port"), "22") + " and Docker Engine on port "
                    + orDefault(values.get("engine-port"), "2376")));
        }
        if (dockerUrl != null) {
            host(dockerUrl).ifPresent(host -> endpoints.add(new Endpoint("dockerUrl", host, "the Docker daemon at "
                    + dockerUrl)));
        }
        return endpoints;
    }

    private static java.util.Optional<String> host(String url) {
        try {
            var host = URI.create(url.strip()).getHost();
            if (host != null && host.startsWith("[") && host.endsWith("]")) {
                host = host.substring(1, host.length() - 1);
            }
            return java.util.Optional.ofNullable(host).filter(h -> !h.isBlank());
        } catch (IllegalArgumentException e) {
            // the driver refuses a malformed URL with its own message
            return java.util.Optional.empty();
        }
    }

    private static String orDefault(String value, String fallback) {
        return value == null || value.isBlank() ? fallback : value.strip();
    }
}
