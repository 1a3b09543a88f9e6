package io.harbormaster.driver.amazonec2;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.harbormaster.api.machine.MachineState;
import io.harbormaster.driver.CreateResult;
import io.harbormaster.driver.DriverException;
import io.harbormaster.driver.MachineSpec;
import io.harbormaster.driver.SshTarget;
import io.harbormaster.testing.TestHosts;
import io.harbormaster.testing.ec2.Ec2Request;
import io.harbormaster.testing.ec2.Ec2StandIn;
import java.time.Duration;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The amazonec2 driver against the EC2 stand-in, whose instances are real test hosts: what a machine's life does in
 * EC2, checked on the host itself over real SSH.
 */
class AmazonEc2DriverTest {

    private static StandInFixture f;

    @BeforeAll
    static void standIn() {
        assumeTrue(TestHosts.available(), TestHosts.unavailableReason());
        f = new StandInFixture(IntStream.rangeClosed(105, 119).mapToObj(n -> "10.213.0." + n).toList());
    }

    @AfterAll
    static void closeStandIn() {
        if (f != null) {
            f.close();
        }
    }

    @Test
    void createRunsAnInstanceThatLetsTheMachinesKeyInOverSsh() {
        var spec = f.machine("web-1", Map.of());
        var started = System.nanoTime();

        var result = f.driver.create(spec);

        var took = Duration.ofNanos(System.nanoTime() - started);
        assertThat(result).isInstanceOf(CreateResult.Created.class);
        var url = ((CreateResult.Created) result).dockerUrl();
        assertThat(url).matches("tcp://10\\.213\\.0\\.\\d+:2376");
        var address = url.substring("tcp://".length(), url.lastIndexOf(':'));
        var instance = instanceOf(spec);
        assertThat(f.ec2.instanceState(instance)).isEqualTo("running");
        assertThat(f.ssh(address, "hostname")).isEqualTo("ec2-" + instance.substring(2));
        assertThat(f.ec2.keyPairPublicKey(KeyPairs.name(spec.name(), spec.machineId())))
                .hasValueSatisfying(key -> assertThat(f.publicKey()).startsWith(key));
        assertThat(f.driver.sshTarget(f.ref(spec))).contains(new SshTarget(address, 22, "root"));
        assertThat(f.driver.state(f.ref(spec)).state()).isEqualTo(MachineState.Running);
        assertThat(f.driver.addresses(f.ref(spec))).first().isEqualTo(address);
        System.out.println("create to running against the stand-in: " + took.toMillis() + " ms");
    }

    @Test
    void theLaunchAsksForDockerMachinesDefaultsImdsV2AndTheMachinesTags() {
        var spec = f.machine("web-2", Map.of("amazonec2-tags", "env,test,owner,ops"));
        assertThat(f.driver.create(spec)).isInstanceOf(CreateResult.Created.class);

        var launch = f.ec2.launchRequest(instanceOf(spec)).orElseThrow();
        assertThat(launch.param("ClientToken")).isEqualTo(spec.machineId().value());
        assertThat(launch.param("InstanceType")).isEqualTo("t2.micro");
        assertThat(launch.param("ImageId")).isEqualTo(Ec2StandIn.UBUNTU.id());
        assertThat(launch.param("MetadataOptions.HttpTokens")).isEqualTo("required");
        assertThat(launch.param("BlockDeviceMapping.1.DeviceName")).isEqualTo("/dev/sda1");
        assertThat(launch.param("BlockDeviceMapping.1.Ebs.VolumeSize")).isEqualTo("16");
        assertThat(launch.param("BlockDeviceMapping.1.Ebs.VolumeType")).isEqualTo("gp2");
        assertThat(launch.param("Placement.AvailabilityZone")).isEqualTo("us-east-1a");
        assertThat(launch.param("NetworkInterface.1.AssociatePublicIpAddress")).isEqualTo("true");
        assertThat(launch.accessKeyId()).isEqualTo(StandInFixture.KEY_ID);
        assertThat(f.ec2.instanceTags(instanceOf(spec))).containsEntry("Name", "web-2")
                .containsEntry(MachineInstances.MACHINE_TAG, spec.machineId().value())
                .containsEntry("harbormaster-team-id", f.team.value())
                .containsEntry("env", "test").containsEntry("owner", "ops");
        var group = f.ec2.securityGroups().entrySet().stream().filter(e -> e.getValue().equals("docker-machine"))
                .findFirst().orElseThrow().getKey();
        assertThat(f.ec2.ingressOf(group)).contains("22/tcp", "2376/tcp");
    }

    @Test
    void stopThenStartGivesTheInstanceANewPublicAddressWhichAddressesReport() {
        var spec = f.machine("web-3", Map.of());
        var before = address(f.driver.create(spec));

        f.driver.stop(f.ref(spec));
        assertThat(f.driver.state(f.ref(spec)).state()).isEqualTo(MachineState.Stopped);
        assertThat(f.driver.addresses(f.ref(spec))).as("a stopped instance has no public address").isEmpty();
        f.driver.stop(f.ref(spec));
        f.driver.start(f.ref(spec));

        var after = f.driver.addresses(f.ref(spec)).getFirst();
        assertThat(after).isNotEqualTo(before).startsWith("10.213.0.");
        assertThat(f.driver.state(f.ref(spec)).state()).isEqualTo(MachineState.Running);
        assertThat(f.ssh(after, "hostname")).startsWith("ec2-");
        assertThat(f.driver.sshTarget(f.ref(spec)).orElseThrow().host()).isEqualTo(after);
        f.driver.start(f.ref(spec));
        assertThat(f.driver.addresses(f.ref(spec)).getFirst()).as("start again changes nothing").isEqualTo(after);
    }

    @Test
    void killIsAForcedStopAndRestartRebootsTheHostInPlace() {
        var spec = f.machine("web-4", Map.of());
        var address = address(f.driver.create(spec));
        var boot = f.ssh(address, "cat /proc/sys/kernel/random/boot_id; cut -d' ' -f22 /proc/1/stat");

        f.driver.restart(f.ref(spec));
        assertThat(awaitNewBoot(address, boot)).isNotEqualTo(boot);
        assertThat(f.ec2.requests("RebootInstances")).hasSize(1);

        f.driver.kill(f.ref(spec));
        assertThat(f.ec2.requests("StopInstances")).last().extracting(r -> r.param("Force")).isEqualTo("true");
        assertThat(f.driver.state(f.ref(spec)).state()).isEqualTo(MachineState.Stopped);
        f.driver.restart(f.ref(spec));
        assertThat(f.driver.state(f.ref(spec)).state()).as("restart of a stopped machine starts it")
                .isEqualTo(MachineState.Running);
    }

    @Test
    void removeTerminatesTheInstanceAndDeletesItsKeyPairAndTheGroupItMadeOnceUnused() {
        var first = f.machine("rm-1", Map.of("amazonec2-security-group", "hm-removal"));
        var second = f.machine("rm-2", Map.of("amazonec2-security-group", "hm-removal"));
        f.driver.create(first);
        f.driver.create(second);
        var firstInstance = instanceOf(first);

        f.driver.remove(f.ref(first));

        assertThat(f.ec2.instanceState(firstInstance)).isEqualTo("terminated");
        assertThat(f.ec2.keyPairNames()).doesNotContain(KeyPairs.name(first.name(), first.machineId()))
                .contains(KeyPairs.name(second.name(), second.machineId()));
        assertThat(f.ec2.securityGroups()).as("still used by rm-2").containsValue("hm-removal");

        f.driver.remove(f.ref(second));
        f.driver.remove(f.ref(second));

        assertThat(f.ec2.securityGroups()).doesNotContainValue("hm-removal").containsValue("default");
        assertThat(f.ec2.keyPairNames()).doesNotContain(KeyPairs.name(second.name(), second.machineId()));
        assertThat(f.driver.state(f.ref(second)).state()).isEqualTo(MachineState.Error);
        assertThat(f.driver.state(f.ref(second)).problem()).contains("no instance for this machine");
    }

    @Test
    void createAgainAfterACrashFindsTheInstanceInsteadOfRunningASecond() throws Exception {
        var spec = f.machine("crash-1", Map.of());
        var launches = f.ec2.requests("RunInstances").size();
        var worker = new Thread(() -> f.driver.create(spec));
        worker.start();
        while (f.ec2.requests("RunInstances").size() == launches) {
            Thread.sleep(10);
        }
        worker.interrupt(); // the platform stops mid-create
        worker.join();

        var again = f.driver.create(spec);

        assertThat(again).isInstanceOf(CreateResult.Created.class);
        assertThat(f.ec2.requests("RunInstances").stream().filter(Ec2Request::accepted)
                .filter(r -> spec.machineId().value().equals(r.param("ClientToken")))).hasSize(1);
        assertThat(f.ec2.liveInstances().stream().filter(id -> f.ec2.instanceTags(id)
                .get(MachineInstances.MACHINE_TAG).equals(spec.machineId().value()))).hasSize(1);
        assertThat(f.driver.create(spec)).isEqualTo(again);
    }

    @Test
    void aRotatedCredentialIsUsedAtTheNextCallAndTheOldKeyIsRefusedClearly() {
        var spec = f.machine("rot-1", Map.of("amazonec2-credential", "rotating"));
        var rotating = StandInFixture.credential("rotating", "AKIAROTATE0000000001", "first-secret-value", Map.of());
        f.ec2.addAccessKey("AKIAROTATE0000000001", "first-secret-value");
        f.context.withCredential(f.team, rotating);
        f.driver.create(spec);

        f.ec2.addAccessKey("AKIAROTATE0000000002", "second-secret-value").removeAccessKey("AKIAROTATE0000000001");

        var refused = f.driver.state(f.ref(spec));
        assertThat(refused.state()).isEqualTo(MachineState.Error);
        assertThat(refused.problem()).contains("AuthFailure", "the credential 'rotating'", "rotates")
                .doesNotContain("first-secret-value");
        assertThatThrownBy(() -> f.driver.stop(f.ref(spec))).isInstanceOf(DriverException.class)
                .hasMessageContaining("AuthFailure");

        f.context.withCredential(f.team, StandInFixture.credential("rotating", "AKIAROTATE0000000002",
                "second-secret-value", Map.of()));
        assertThat(f.driver.state(f.ref(spec)).state()).isEqualTo(MachineState.Running);
        assertThat(f.ec2.requests().getLast().accessKeyId()).isEqualTo("AKIAROTATE0000000002");
    }

    @Test
    void aRoleInTheCredentialIsAssumedThroughSts() {
        var role = "arn:aws:iam::123456789012:role/harbormaster-ec2";
        f.ec2.addRole(role);
        f.context.withCredential(f.team, StandInFixture.credential("with-role", StandInFixture.KEY_ID,
                StandInFixture.SECRET, Map.of("role-arn", role)));
        var spec = f.machine("role-1", Map.of("amazonec2-credential", "with-role"));

        assertThat(f.driver.create(spec)).isInstanceOf(CreateResult.Created.class);

        assertThat(f.ec2.requests("AssumeRole")).isNotEmpty().allSatisfy(r -> {
            assertThat(r.accessKeyId()).isEqualTo(StandInFixture.KEY_ID);
            assertThat(r.param("RoleArn")).isEqualTo(role);
        });
        assertThat(f.ec2.launchRequest(instanceOf(spec)).orElseThrow().accessKeyId()).startsWith("ASIA");

        f.context.withCredential(f.team, StandInFixture.credential("other-role", StandInFixture.KEY_ID,
                StandInFixture.SECRET, Map.of("role-arn", "arn:aws:iam::123456789012:role/not-allowed")));
        var refused = f.driver.state(f.ref(f.machine("role-2", Map.of("amazonec2-credential", "other-role"))));
        assertThat(refused.problem()).contains("AccessDenied").doesNotContain(StandInFixture.SECRET);
    }

    @Test
    void withoutACredentialThePlatformsOwnIdentityIsUsedOnlyWhereTheOperatorAllowsIt() {
        var spec = f.machine("own-1", Map.of("amazonec2-credential", ""));

        assertThatThrownBy(() -> f.driver.validate(spec.options()))
                .as("refused before the machine exists")
                .isInstanceOf(io.harbormaster.driver.InvalidDriverOptionsException.class)
                .hasMessageContaining("names no AWS credential").hasMessageContaining("--amazonec2-credential NAME");
        assertThat(f.driver.create(spec)).isInstanceOfSatisfying(CreateResult.Failed.class, failed ->
                assertThat(failed.reason()).contains("names no AWS credential", "--amazonec2-credential NAME"));

        System.setProperty("aws.accessKeyId", StandInFixture.KEY_ID);
        System.setProperty("aws.secretAccessKey", StandInFixture.SECRET);
        f.context.withSetting("amazonec2.use-platform-identity", "true");
        try {
            assertThat(f.driver.create(spec)).isInstanceOf(CreateResult.Created.class);
        } finally {
            f.context.withSetting("amazonec2.use-platform-identity", "false");
            System.clearProperty("aws.accessKeyId");
            System.clearProperty("aws.secretAccessKey");
        }
    }

    @Test
    void aPrivateOnlyInstanceIsReachedAtItsPrivateAddressWhichStopAndStartKeep() {
        var spec = f.machine("priv-1", Map.of("amazonec2-private-address-only", "true"));
        var address = address(f.driver.create(spec));

        assertThat(f.ec2.launchRequest(instanceOf(spec)).orElseThrow()
                .param("NetworkInterface.1.AssociatePublicIpAddress")).isEqualTo("false");
        assertThat(f.ssh(address, "hostname")).startsWith("ec2-");
        f.driver.stop(f.ref(spec));
        f.driver.start(f.ref(spec));
        assertThat(f.driver.addresses(f.ref(spec))).containsExactly(address);
    }

    @Test
    void aSpotInstanceIsAskedForThroughRunInstancesWithTheMaximumPrice() {
        var spec = f.machine("spot-1", Map.of("amazonec2-request-spot-instance", "true",
                "amazonec2-spot-price", "0.05"));

        assertThat(f.driver.create(spec)).isInstanceOf(CreateResult.Created.class);

        var launch = f.ec2.launchRequest(instanceOf(spec)).orElseThrow();
        assertThat(launch.param("InstanceMarketOptions.MarketType")).isEqualTo("spot");
        assertThat(launch.param("InstanceMarketOptions.SpotOptions.MaxPrice")).isEqualTo("0.05");
    }

    private static String instanceOf(MachineSpec spec) {
        return f.ec2.liveInstances().stream()
                .filter(id -> spec.machineId().value().equals(f.ec2.instanceTags(id).get(MachineInstances.MACHINE_TAG)))
                .findFirst().orElseThrow();
    }

    private static String address(CreateResult result) {
        assertThat(result).isInstanceOf(CreateResult.Created.class);
        var url = ((CreateResult.Created) result).dockerUrl();
        return url.substring("tcp://".length(), url.lastIndexOf(':'));
    }

    /** Waits until the host answers over SSH with another boot than {@code boot}; answers the new one. */
    private static String awaitNewBoot(String address, String boot) {
        var deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        String last = null;
        while (System.nanoTime() < deadline) {
            try {
                last = f.ssh(address, "cat /proc/sys/kernel/random/boot_id; cut -d' ' -f22 /proc/1/stat");
                if (!last.equals(boot)) {
                    return last;
                }
            } catch (RuntimeException e) {
                last = e.getMessage(); // down while it reboots
            }
        }
        throw new AssertionError("no new boot over SSH after the reboot: " + last);
    }
}
