package io.harbormaster.driver.amazonec2;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.harbormaster.api.machine.MachineState;
import io.harbormaster.testing.TestHosts;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The reconciler's look at many EC2 machines is one DescribeInstances per team, credential and region, not two calls
 * per machine, and says for each machine what the calls for one machine would have said.
 */
class AmazonEc2DriverObserveTest {

    private static StandInFixture f;

    @BeforeAll
    static void standIn() {
        assumeTrue(TestHosts.available(), TestHosts.unavailableReason());
        f = new StandInFixture(List.of("10.213.0.104", "10.213.0.138", "10.213.0.139"));
    }

    @AfterAll
    static void closeStandIn() {
        if (f != null) {
            f.close();
        }
    }

    @Test
    void manyMachinesAreSeenInOneCall_eachAsTheCallsForItAloneWouldSay() {
        assertThat(f.driver.observesAtOnce()).isEqualTo(200);
        var running = f.machine("obs-running", Map.of());
        var stopped = f.machine("obs-stopped", Map.of());
        var gone = f.machine("obs-never-launched", Map.of());
        f.driver.create(running);
        f.driver.create(stopped);
        f.driver.stop(f.ref(stopped));
        var before = f.ec2.requests("DescribeInstances").size();

        var seen = f.driver.observe(List.of(f.ref(running), f.ref(stopped), f.ref(gone)));

        assertThat(f.ec2.requests("DescribeInstances")).hasSize(before + 1);
        assertThat(seen.get(running.machineId()).state().state()).isEqualTo(MachineState.Running);
        assertThat(seen.get(running.machineId()).addresses()).isEqualTo(f.driver.addresses(f.ref(running)))
                .first().asString().startsWith("10.213.0.");
        assertThat(seen.get(stopped.machineId()).state().state()).isEqualTo(MachineState.Stopped);
        assertThat(seen.get(stopped.machineId()).addresses()).isEmpty();
        assertThat(seen.get(gone.machineId()).state().state()).isEqualTo(MachineState.Error);
        assertThat(seen.get(gone.machineId()).state().problem()).contains("has no instance for this machine")
                .contains(gone.machineId().value());
    }

    @Test
    void aCredentialTheTeamDoesNotHave_makesItsMachinesUnreachableWithTheReason_andNotTheOthers() {
        var fine = f.machine("obs-fine", Map.of());
        f.driver.create(fine);
        var orphan = f.machine("obs-orphan", Map.of("amazonec2-credential", "missing"));

        var seen = f.driver.observe(List.of(f.ref(fine), f.ref(orphan)));

        assertThat(seen.get(fine.machineId()).state().state()).isEqualTo(MachineState.Running);
        assertThat(seen.get(orphan.machineId()).state().state()).isEqualTo(MachineState.Error);
        assertThat(seen.get(orphan.machineId()).state().problem()).contains("no cloud credential 'missing'");
    }
}
