package io.harbormaster.driver.amazonec2;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.harbormaster.driver.CreateResult;
import io.harbormaster.driver.MachineSpec;
import io.harbormaster.testing.TestHosts;
import java.util.Map;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What EC2's refusals come to: a create that fails says what happened and what to do, in plain words and without a
 * secret, and leaves nothing behind in EC2 (what it had made is removed, and the reason says so).
 */
class AmazonEc2DriverFailuresTest {

    private static StandInFixture f;

    @BeforeAll
    static void standIn() {
        assumeTrue(TestHosts.available(), TestHosts.unavailableReason());
        f = new StandInFixture(IntStream.rangeClosed(120, 127).mapToObj(n -> "10.213.0." + n).toList());
        f.context.withSetting("amazonec2.max-attempts", "3");
    }

    @AfterAll
    static void closeStandIn() {
        if (f != null) {
            f.close();
        }
    }

    @AfterEach
    void nothingIsLeftBehind() {
        f.ec2.clearFailures();
        assertThat(f.ec2.liveInstances()).isEmpty();
        assertThat(f.ec2.keyPairNames()).isEmpty();
        assertThat(f.ec2.securityGroups()).containsOnlyKeys(f.ec2.securityGroups().keySet().stream()
                .filter(id -> f.ec2.securityGroups().get(id).equals("default")).toList());
    }

    static Stream<Arguments> refusals() {
        return Stream.of(
                Arguments.of("RunInstances", "InsufficientInstanceCapacity", "We currently do not have sufficient "
                        + "t2.micro capacity in the Availability Zone you requested (us-east-1a).",
                        "no capacity for that instance type in that zone", "amazonec2-zone"),
                Arguments.of("RunInstances", "VcpuLimitExceeded", "You have requested more vCPU capacity than your "
                        + "current vCPU limit of 32 allows.", "reached its limit", "Service Quotas"),
                Arguments.of("RunInstances", "UnauthorizedOperation", "You are not authorized to perform this "
                        + "operation.", "the credential 'aws' may not do that", "docs/drivers/amazonec2.md"),
                Arguments.of("ImportKeyPair", "InvalidKeyPair.Duplicate", "The keypair already exists",
                        "not made for this machine", "another machine name"),
                Arguments.of("DescribeVpcs", "AuthFailure", "AWS was not able to validate the provided access "
                        + "credentials", "does not accept the credential 'aws'", "rotates the credential"),
                Arguments.of("RunInstances", "RequestLimitExceeded", "Request limit exceeded.",
                        "throttling", "Wait a minute"));
    }

    @ParameterizedTest(name = "{1} on {0}")
    @MethodSource("refusals")
    void aRefusalBecomesAReasonThatSaysWhatToDo(String action, String code, String message, String says,
                                                String advice) {
        f.ec2.failNext(action, code, message, 5);

        var failed = failedCreate(f.machine("fail-1", Map.of()));

        assertThat(failed).contains(code, says, advice, "us-east-1");
    }

    @Test
    void throttlingIsRetriedByTheSdkAndTheCreateSucceeds() {
        f.ec2.failNext("RunInstances", "RequestLimitExceeded", "Request limit exceeded.", 2);
        var spec = f.machine("throttled-1", Map.of());

        assertThat(f.driver.create(spec)).isInstanceOf(CreateResult.Created.class);

        assertThat(f.ec2.requests("RunInstances")).extracting(r -> r.accepted()).endsWith(false, false, true);
        f.driver.remove(f.ref(spec));
    }

    @Test
    void anUnknownImageIsNamedWithItsRegion() {
        var failed = failedCreate(f.machine("ami-1", Map.of("amazonec2-ami", "ami-0123456789abcdef0")));

        assertThat(failed).contains("InvalidAMIID.NotFound", "ami-0123456789abcdef0", "us-east-1",
                "amazonec2-ami");
    }

    @Test
    void anUnknownSubnetIsNamed() {
        var failed = failedCreate(f.machine("subnet-1", Map.of("amazonec2-subnet-id", "subnet-0123456789abcdef0")));

        assertThat(failed).contains("InvalidSubnetID.NotFound", "amazonec2-subnet-id");
    }

    @Test
    void aFailureAfterTheLaunchTerminatesTheInstanceAndRemovesTheKeyPairAndTheGroupAndSaysSo() {
        var spec = f.machine("half-1", Map.of("amazonec2-security-group", "half-way"));
        // the first DescribeInstances looks for an existing instance, the second waits for the launched one
        f.ec2.failLater("DescribeInstances", 1, "UnauthorizedOperation", "You are not authorized to perform this "
                + "operation.", 1);

        var failed = failedCreate(spec);

        assertThat(failed).contains("UnauthorizedOperation", "Harbormaster removed what it had made: instance i-",
                "key pair " + KeyPairs.name(spec.name(), spec.machineId()), "security group half-way");
    }

    @Test
    void aFailureBeforeTheLaunchRemovesTheKeyPairAndTheGroupItMade() {
        var spec = f.machine("half-2", Map.of());
        f.ec2.failNext("RunInstances", "InsufficientInstanceCapacity", "We currently do not have sufficient "
                + "t2.micro capacity.", 3);

        var failed = failedCreate(spec);

        assertThat(failed).contains("removed what it had made: key pair " + KeyPairs.name(spec.name(),
                spec.machineId()) + ", security group docker-machine").doesNotContain("instance i-");
    }

    @Test
    void aCredentialTheTeamDoesNotHaveIsNamed() {
        var failed = failedCreate(f.machine("nocred-1", Map.of("amazonec2-credential", "missing")));

        assertThat(failed).contains("The team has no cloud credential 'missing'", "A team owner adds it");
    }

    private static String failedCreate(MachineSpec spec) {
        var result = f.driver.create(spec);
        assertThat(result).isInstanceOf(CreateResult.Failed.class);
        var reason = ((CreateResult.Failed) result).reason();
        assertThat(reason).doesNotContain(StandInFixture.SECRET, "stand-in-secret");
        return reason;
    }
}
