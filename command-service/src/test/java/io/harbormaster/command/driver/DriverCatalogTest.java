package io.harbormaster.command.driver;

import static org.assertj.core.api.Assertions.assertThat;

import io.harbormaster.api.driver.CheckDriverOptionsQuery;
import io.harbormaster.api.driver.DriverList;
import io.harbormaster.api.driver.FindDriversQuery;
import io.harbormaster.api.machine.DriverOptions;
import io.harbormaster.api.machine.LifecycleOperation;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The installed drivers describe themselves for forms, and check options as creation will. */
class DriverCatalogTest {

    private final DriverCatalog catalog = new DriverCatalog(DriverRegistry.discover());

    private DriverList.Driver driver(String name) {
        return catalog.handle(new FindDriversQuery()).drivers().stream().filter(d -> d.name().equals(name))
                .findFirst().orElseThrow();
    }

    @Test
    void theGenericDriver_provisions_andNeedsAnAddress_withDockerMachinesDefaultsForTheRest() {
        var generic = driver("generic");

        assertThat(generic.provisions()).isTrue();
        assertThat(generic.options()).extracting(o -> o.name() + "|" + o.required() + "|" + o.defaultValue() + "|"
                + o.kind()).containsExactly("ip-address|true|null|HOST", "ssh-user|false|root|TEXT",
                "ssh-port|false|22|PORT", "engine-port|false|2376|PORT");
        assertThat(generic.options()).allSatisfy(o -> assertThat(o.description()).isNotBlank());
    }

    @Test
    void driversWrappedForMetrics_stillDescribeTheirOptions_asThePlatformRunsThem() {
        var discovered = DriverRegistry.discover();
        var metered = new DriverCatalog(new DriverRegistry(discovered.names().stream()
                .map(name -> (io.harbormaster.driver.MachineDriver) new MeteredMachineDriver(discovered.get(name),
                        new io.micrometer.core.instrument.simple.SimpleMeterRegistry())).toList()));

        assertThat(metered.handle(new FindDriversQuery()).drivers()).filteredOn(d -> d.name().equals("generic"))
                .singleElement().satisfies(generic -> assertThat(generic.options()).hasSize(4));
    }

    @Test
    void theAmazonEc2Driver_provisions_takesDockerMachinesOptions_andRefusesAwsKeys() {
        var ec2 = driver("amazonec2");

        assertThat(ec2.provisions()).isTrue();
        assertThat(ec2.operations()).contains(LifecycleOperation.values());
        assertThat(ec2.options()).extracting(DriverList.Option::name).contains("amazonec2-credential",
                "amazonec2-region", "amazonec2-instance-type", "amazonec2-ami", "amazonec2-http-tokens");
        // docker-machine's repeatable flags: hm joins repeated values with commas, as the driver reads them
        assertThat(ec2.options()).filteredOn(o -> o.kind().equals("LIST")).extracting(DriverList.Option::name)
                .containsExactly("amazonec2-security-group", "amazonec2-open-port", "amazonec2-tags");
        var keys = catalog.handle(new CheckDriverOptionsQuery("amazonec2",
                new DriverOptions(Map.of("amazonec2-secret-key", "wJalrXUtnFEMI"))));
        assertThat(keys.valid()).isFalse();
        assertThat(keys.option()).isEqualTo("amazonec2-secret-key");
        assertThat(keys.problem()).contains("--amazonec2-credential NAME").doesNotContain("wJalrXUtnFEMI");
    }

    @Test
    void theNoneDriver_takesAUrl_andCannotKill() {
        var none = driver("none");

        assertThat(none.provisions()).isFalse();
        assertThat(none.options()).extracting(DriverList.Option::name).containsExactly("url");
        assertThat(none.operations()).doesNotContain(LifecycleOperation.KILL);
    }

    @Test
    void checkingOptions_namesTheOptionTheDriverRefuses_orSaysTheyAreFine() {
        var bad = catalog.handle(new CheckDriverOptionsQuery("generic",
                new DriverOptions(Map.of("ip-address", "10.0.0.5", "ssh-port", "99999"))));
        assertThat(bad.valid()).isFalse();
        assertThat(bad.option()).isEqualTo("ssh-port");
        assertThat(bad.problem()).isNotBlank();

        assertThat(catalog.handle(new CheckDriverOptionsQuery("generic",
                new DriverOptions(Map.of("ip-address", "10.0.0.5")))).valid()).isTrue();
        var unknown = catalog.handle(new CheckDriverOptionsQuery("virtualbox", DriverOptions.none()));
        assertThat(unknown.valid()).isFalse();
        assertThat(unknown.problem()).contains("no driver 'virtualbox'", "generic", "none");
    }
}
