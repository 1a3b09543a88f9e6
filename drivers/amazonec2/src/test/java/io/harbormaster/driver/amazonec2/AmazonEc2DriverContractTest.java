package io.harbormaster.driver.amazonec2;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.harbormaster.api.machine.DriverOptions;
import io.harbormaster.api.machine.MachineState;
import io.harbormaster.driver.CreateResult;
import io.harbormaster.driver.MachineDriver;
import io.harbormaster.driver.MachineRef;
import io.harbormaster.driver.MachineSpec;
import io.harbormaster.testing.TestHosts;
import io.harbormaster.testing.driver.DriverContract;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;

/**
 * The driver contract for amazonec2 against the EC2 stand-in: each test gets a machine whose instance runs on a real
 * test host. The contract makes machines of teams of its own, so the platform's own identity is used (the operator's
 * setting, with the SDK's default chain reading the stand-in's key from system properties). The unreachable machine
 * is the same one asked through a credential its team does not have, so EC2 cannot be asked about it.
 */
class AmazonEc2DriverContractTest extends DriverContract {

    private static StandInFixture f;
    private MachineSpec current;
    private String address;

    @BeforeAll
    static void standIn() {
        assumeTrue(TestHosts.available(), TestHosts.unavailableReason());
        f = new StandInFixture(IntStream.rangeClosed(128, 135).mapToObj(n -> "10.213.0." + n).toList());
        f.context.withSetting("amazonec2.use-platform-identity", "true").withDefaultPublicKey(f.publicKey());
        System.setProperty("aws.accessKeyId", StandInFixture.KEY_ID);
        System.setProperty("aws.secretAccessKey", StandInFixture.SECRET);
    }

    @AfterAll
    static void closeStandIn() {
        System.clearProperty("aws.accessKeyId");
        System.clearProperty("aws.secretAccessKey");
        if (f != null) {
            f.close();
        }
    }

    @BeforeEach
    void aRunningMachine() {
        current = f.machine("contract-1", Map.of("amazonec2-credential", ""));
        var url = ((CreateResult.Created) f.driver.create(current)).dockerUrl();
        address = url.substring("tcp://".length(), url.lastIndexOf(':'));
    }

    @AfterEach
    void terminateTheInstances() {
        f.ec2.terminateAll();
    }

    @Override
    protected MachineDriver driver() {
        return f.driver;
    }

    @Override
    protected MachineRef machine(DriverOptions options) {
        return new MachineRef(current.machineId(), current.name(), options, null, current.teamId());
    }

    @Override
    protected DriverOptions reachableOptions() {
        return current.options();
    }

    @Override
    protected DriverOptions unreachableOptions() {
        var options = new HashMap<>(current.options().values());
        options.put("amazonec2-credential", "not-there");
        return new DriverOptions(options);
    }

    @Override
    protected MachineState unreachableState() {
        return MachineState.Error;
    }

    @Override
    protected String reachableAddress() {
        return address;
    }

    @Override
    protected BadOption badOption() {
        return new BadOption(new DriverOptions(Map.of("amazonec2-root-size", "big")),
                "amazonec2-root-size");
    }
}
