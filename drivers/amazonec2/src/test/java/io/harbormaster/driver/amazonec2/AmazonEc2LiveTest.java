package io.harbormaster.driver.amazonec2;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.harbormaster.api.machine.DriverOptions;
import io.harbormaster.api.machine.MachineId;
import io.harbormaster.api.machine.MachineName;
import io.harbormaster.api.machine.MachineState;
import io.harbormaster.api.team.TeamId;
import io.harbormaster.driver.CreateResult;
import io.harbormaster.driver.MachineRef;
import io.harbormaster.driver.MachineSpec;
import io.harbormaster.testing.driver.StubDriverContext;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The driver against REAL AWS, when {@code HM_LIVE_AWS_REGION} is set and the AWS SDK's default chain finds
 * credentials (environment, profile, instance role); skipped otherwise. It costs a few cents: one instance
 * ({@code HM_LIVE_AWS_INSTANCE_TYPE}, t3.micro by default) for some minutes, removed at the end with its key pair and
 * its own security group. The same checks as against the stand-in: create → running and SSH with the machine's key,
 * stop and start → the new public address reported, kill, restart, a refused image in plain words with nothing left,
 * remove → nothing left. docs/drivers/amazonec2.md says how to run it and the permissions it needs.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AmazonEc2LiveTest {

    private static final String REGION = System.getenv("HM_LIVE_AWS_REGION");
    private static StubDriverContext context;
    private static AmazonEc2Driver driver;
    private static MachineSpec spec;
    private static StandInFixture keys;
    private static String address;

    @BeforeAll
    static void liveAws() {
        assumeTrue(REGION != null && !REGION.isBlank(), "HM_LIVE_AWS_REGION not set: live AWS suite skipped");
        context = StubDriverContext.withoutSsh().withSetting("amazonec2.use-platform-identity", "true")
                .withSetting("amazonec2.poll-interval", "5s").withSetting("amazonec2.wait-timeout", "10m");
        driver = new AmazonEc2Driver();
        driver.initialize(context);
        keys = StandInFixture.keysOnly();
        var id = MachineId.random();
        context.withPublicKey(id, keys.publicKey());
        var options = new HashMap<String, String>();
        options.put("amazonec2-region", REGION);
        options.put("amazonec2-instance-type", env("HM_LIVE_AWS_INSTANCE_TYPE", "t3.micro"));
        options.put("amazonec2-zone", env("HM_LIVE_AWS_ZONE", "a"));
        options.put("amazonec2-security-group", "harbormaster-live-" + UUID.randomUUID().toString().substring(0, 8));
        options.put("amazonec2-tags", "purpose,harbormaster-live-test");
        spec = new MachineSpec(id, TeamId.random(), MachineName.of("hm-live-" + id.value().substring(0, 6)),
                new DriverOptions(options));
    }

    @AfterAll
    static void removeWhatever() {
        if (driver != null && spec != null) {
            driver.remove(ref());
        }
    }

    @Test
    @Order(1)
    void createRunsAnInstanceThatLetsTheMachinesKeyIn() throws Exception {
        var result = driver.create(spec);

        assertThat(result).isInstanceOf(CreateResult.Created.class);
        var url = ((CreateResult.Created) result).dockerUrl();
        address = url.substring("tcp://".length(), url.lastIndexOf(':'));
        assertThat(driver.state(ref()).state()).isEqualTo(MachineState.Running);
        assertThat(awaitSsh(address)).isEqualTo("ubuntu");
    }

    @Test
    @Order(2)
    void stopThenStartGivesANewPublicAddressThatAddressesReport() {
        driver.stop(ref());
        assertThat(driver.state(ref()).state()).isEqualTo(MachineState.Stopped);
        driver.start(ref());
        var now = driver.addresses(ref()).getFirst();
        assertThat(now).isNotEqualTo(address);
        address = now;
    }

    @Test
    @Order(3)
    void killThenRestartEndsRunning() {
        driver.kill(ref());
        assertThat(driver.state(ref()).state()).isEqualTo(MachineState.Stopped);
        driver.restart(ref());
        driver.restart(ref());
        assertThat(driver.state(ref()).state()).isEqualTo(MachineState.Running);
    }

    @Test
    @Order(4)
    void anImageOfNoRegionIsRefusedInPlainWordsAndNothingIsLeft() {
        var other = new MachineSpec(MachineId.random(), spec.teamId(), MachineName.of("hm-live-bad-ami"),
                new DriverOptions(Map.of("amazonec2-region", REGION, "amazonec2-ami", "ami-0000000000000000f")));
        context.withPublicKey(other.machineId(), keys.publicKey());

        var result = driver.create(other);

        assertThat(result).isInstanceOfSatisfying(CreateResult.Failed.class, failed -> assertThat(failed.reason())
                .contains("ami-0000000000000000f", REGION, "amazonec2-ami"));
    }

    @Test
    @Order(5)
    void removeTerminatesAndLeavesNoKeyPairAndNoGroup() {
        driver.remove(ref());
        driver.remove(ref());

        assertThat(driver.state(ref()).problem()).contains("no instance for this machine");
    }

    private static MachineRef ref() {
        return new MachineRef(spec.machineId(), spec.name(), spec.options(), null, spec.teamId());
    }

    private static String awaitSsh(String host) throws InterruptedException {
        var deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        RuntimeException last = null;
        while (System.nanoTime() < deadline) {
            try {
                return keys.sshAs("ubuntu", host, "whoami");
            } catch (RuntimeException e) {
                last = e; // cloud-init is still installing the key
                Thread.sleep(5_000);
            }
        }
        throw new AssertionError("no SSH to " + host, last);
    }

    private static String env(String name, String fallback) {
        var value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
