package io.harbormaster.command.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.harbormaster.api.machine.DriverOptions;
import java.net.InetAddress;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The rule of where the platform may connect: most specific entry wins, deny wins a tie, link-local only explicitly. */
class NetworkPolicyTest {

    private static final NetworkPolicy DEFAULTS = NetworkPolicy.parse(
            List.of(NetworkSettings.DEFAULT_ALLOW.split(",")), List.of(NetworkSettings.DEFAULT_DENY.split(",")));

    private static InetAddress ip(String text) throws Exception {
        return InetAddress.getByName(text);
    }

    @Test
    void theDefaults_allowOtherHosts_refuseThisHostAndLinkLocal() throws Exception {
        assertThat(DEFAULTS.refusal(ip("10.213.0.7"))).isEmpty();
        assertThat(DEFAULTS.refusal(ip("203.0.113.9"))).isEmpty();
        assertThat(DEFAULTS.refusal(ip("2001:db8::1"))).isEmpty();
        assertThat(DEFAULTS.refusal(ip("127.0.0.1"))).hasValue("127.0.0.1 is in the denied network 127.0.0.0/8");
        assertThat(DEFAULTS.refusal(ip("::1"))).get().asString().contains("denied network 0:0:0:0:0:0:0:1/128");
        assertThat(DEFAULTS.refusal(ip("0.0.0.0"))).get().asString().contains("0.0.0.0/8");
        assertThat(DEFAULTS.refusal(ip("169.254.169.254"))).get().asString()
                .startsWith("169.254.169.254 is link-local (169.254.0.0/16");
        assertThat(DEFAULTS.refusal(ip("fe80::1"))).get().asString().contains("is link-local (fe80:0:0:0:0:0:0:0/10");
        // IPv4-mapped IPv6 is the IPv4 address for Java, so it cannot slip past
        assertThat(DEFAULTS.refusal(ip("::ffff:169.254.169.254"))).get().asString().contains("link-local");
    }

    @Test
    void linkLocal_isAllowedOnlyByAnEntryInsideIt() throws Exception {
        var everything = NetworkPolicy.parse(List.of("0.0.0.0/0", "169.0.0.0/8"), List.of());
        assertThat(everything.refusal(ip("169.254.169.254"))).get().asString().contains("link-local");
        var metadata = NetworkPolicy.parse(List.of("0.0.0.0/0", "169.254.169.254"), List.of());
        assertThat(metadata.refusal(ip("169.254.169.254"))).isEmpty();
        assertThat(metadata.refusal(ip("169.254.169.253"))).get().asString().contains("link-local");
        var wholeRange = NetworkPolicy.parse(List.of("169.254.0.0/16"), List.of());
        assertThat(wholeRange.refusal(ip("169.254.1.2"))).isEmpty();
    }

    @Test
    void theMostSpecificEntryDecides_andDenyWinsATie() throws Exception {
        var policy = NetworkPolicy.parse(List.of("10.0.0.0/8", "10.213.5.0/24", "10.99.0.0/16"),
                List.of("10.213.0.0/16", "10.99.0.0/16"));
        assertThat(policy.refusal(ip("10.1.2.3"))).isEmpty();
        assertThat(policy.refusal(ip("10.213.7.1"))).hasValue("10.213.7.1 is in the denied network 10.213.0.0/16");
        assertThat(policy.refusal(ip("10.213.5.1"))).isEmpty();
        assertThat(policy.refusal(ip("10.99.0.1"))).get().asString().contains("denied network 10.99.0.0/16");
        assertThat(policy.refusal(ip("192.168.1.1"))).hasValue(
                "192.168.1.1 is in none of the allowed networks [10.0.0.0/8, 10.213.5.0/24, 10.99.0.0/16]");
    }

    @Test
    void entriesAreNetworksOrAddresses_neverNames_andABadOneIsNamedByPosition() {
        assertThat(Cidr.parse("10.213.0.9/16")).hasToString("10.213.0.0/16");
        assertThat(Cidr.parse("192.0.2.1")).hasToString("192.0.2.1/32");
        assertThat(Cidr.parse("fe80::1/10")).hasToString("fe80:0:0:0:0:0:0:0/10");
        assertThatThrownBy(() -> NetworkPolicy.parse(List.of("10.0.0.0/8", "example.com"), List.of()))
                .isInstanceOf(InvalidNetworkException.class)
                .hasMessageContaining("allow[1] 'example.com' is not a network in CIDR notation")
                .extracting("field").isEqualTo("allow[1]");
        assertThatThrownBy(() -> NetworkPolicy.parse(List.of(), List.of("10.0.0.0/33")))
                .hasMessageContaining("deny[0] '10.0.0.0/33' has a bad prefix length: use 0 to 32");
        assertThatThrownBy(() -> NetworkPolicy.parse(null, List.of())).hasMessage(
                "allow must be given (an empty list is fine)");
    }

    @Test
    void machineAddresses_areCheckedWhereverTheOptionsAndTheDockerUrlPoint_hostNamesResolved() {
        var check = AddressCheck.forNetworks(List.of("10.213.0.0/16"), List.of());
        assertThat(check.refusal(new DriverOptions(Map.of("url", "tcp://10.213.0.10:2376")), null)).isEmpty();
        assertThat(check.refusal(new DriverOptions(Map.of("ip-address", "10.213.0.7")), "tcp://10.213.0.7:2376"))
                .isEmpty();
        // the options are fine, but the host answers elsewhere now (an address change the reconciler recorded)
        assertThat(check.refusal(new DriverOptions(Map.of("ip-address", "10.213.0.7")), "tcp://192.0.2.1:2376"))
                .get().asString().startsWith("dockerUrl: the platform may not connect to the Docker daemon at "
                        + "tcp://192.0.2.1:2376: 192.0.2.1 is in none of the allowed networks [10.213.0.0/16]");
        // a name is refused when it resolves to a refused address
        assertThat(check.refusal(new DriverOptions(Map.of("ip-address", "localhost")), null)).get().asString()
                .startsWith("driverOptions.ip-address: the platform may not connect to SSH on port 22 and Docker "
                        + "Engine on port 2376: ").contains("is in none of the allowed networks");
        assertThat(check.refusal(new DriverOptions(Map.of("url", "tcp://[fe80::1]:2376")), null)).get().asString()
                .contains("fe80:0:0:0:0:0:0:1 is in none of the allowed networks");
    }
}
