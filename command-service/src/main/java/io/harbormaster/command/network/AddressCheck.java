package io.harbormaster.command.network;

import io.harbormaster.api.machine.DriverOptions;
import io.harbormaster.command.machine.NetworkRules;
import io.harbormaster.command.refusal.InvalidCommandException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Checks a machine's addresses against the networks in force, before it is created ({@link NetworkRules}) and
 * before anything dials it ({@link #refusal}). A host name is resolved and refused when any of its addresses is;
 * a name that does not resolve (yet) is left to the driver, which cannot reach it either.
 */
public class AddressCheck implements NetworkRules {

    private final Supplier<NetworkPolicy> policy;

    AddressCheck(Supplier<NetworkPolicy> policy) {
        this.policy = policy;
    }

    /** A check over fixed lists, for tests and tools; throws a refusal naming a bad entry. */
    public static AddressCheck forNetworks(List<String> allow, List<String> deny) {
        var fixed = NetworkPolicy.parse(allow, deny);
        return new AddressCheck(() -> fixed);
    }

    @Override
    public void requireAllowed(DriverOptions options) {
        refused(options, null).ifPresent(refusal -> {
            throw new InvalidCommandException(refusal.field(), refusal.message());
        });
    }

    /** Why the platform may not dial a machine with these options and Docker URL, or empty when it may. */
    public Optional<String> refusal(DriverOptions options, String dockerUrl) {
        return refused(options, dockerUrl).map(Refusal::message);
    }

    private Optional<Refusal> refused(DriverOptions options, String dockerUrl) {
        var rules = policy.get();
        for (var endpoint : MachineEndpoints.of(options, dockerUrl)) {
            for (var address : resolve(endpoint.host())) {
                var rule = rules.refusal(address);
                if (rule.isPresent()) {
                    return Optional.of(new Refusal(endpoint.field(), endpoint.field() + ": the platform may not "
                            + "connect to " + endpoint.reached() + ": " + rule.get() + ". A platform admin sets "
                            + "the allowed networks (PUT /api/admin/networks, or harbormaster.network.allow and "
                            + "harbormaster.network.deny)."));
                }
            }
        }
        return Optional.empty();
    }

    private static InetAddress[] resolve(String host) {
        try {
            return InetAddress.getAllByName(host);
        } catch (UnknownHostException | SecurityException e) {
            return new InetAddress[0];
        }
    }

    private record Refusal(String field, String message) {
    }
}
