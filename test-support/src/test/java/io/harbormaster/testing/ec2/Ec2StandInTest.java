package io.harbormaster.testing.ec2;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.harbormaster.testing.TestHosts;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.Ec2Exception;
import software.amazon.awssdk.services.ec2.model.Filter;
import software.amazon.awssdk.services.ec2.model.InstanceStateName;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.StsException;

/**
 * The EC2 stand-in, checked with AWS's own SDK: AWS's answer shapes and error format, the signature check, injected
 * failures, and instances that are real test hosts which stop, start at a new address and terminate.
 */
class Ec2StandInTest {

    private final Ec2StandIn ec2 = new Ec2StandIn("eu-west-1", List.of("10.213.0.100", "10.213.0.101",
            "10.213.0.102")).addAccessKey("AKIATEST", "the-secret");

    @AfterEach
    void close() {
        ec2.close();
    }

    private Ec2Client client(String keyId, String secret) {
        return Ec2Client.builder().region(Region.EU_WEST_1).endpointOverride(ec2.endpoint())
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(keyId, secret)))
                .overrideConfiguration(o -> o.retryStrategy(r -> r.maxAttempts(1))).build();
    }

    @Test
    void anUnsignedRequestIsRefusedInAwsErrorFormat() throws Exception {
        var response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(ec2.endpoint())
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("Action=DescribeVpcs&Version=2016-11-15")).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.body()).contains("<Response><Errors><Error><Code>AuthFailure</Code><Message>")
                .contains("</Message></Error></Errors><RequestID>");
    }

    @Test
    void anUnknownKeyAWrongSecretAndARemovedKeyAreRefusedWithAuthFailure() {
        try (var good = client("AKIATEST", "the-secret"); var unknown = client("AKIAOTHER", "the-secret");
             var wrong = client("AKIATEST", "another-secret")) {
            assertThat(good.describeVpcs().vpcs()).hasSize(1);
            for (var refused : List.of(unknown, wrong)) {
                assertThatThrownBy(refused::describeVpcs).isInstanceOfSatisfying(Ec2Exception.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(401);
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("AuthFailure");
                });
            }
            ec2.removeAccessKey("AKIATEST");
            assertThatThrownBy(good::describeVpcs).isInstanceOf(Ec2Exception.class).hasMessageContaining("validate");
        }
        assertThat(ec2.requests()).extracting(Ec2Request::accessKeyId)
                .containsExactly("AKIATEST", "AKIAOTHER", "AKIATEST", "AKIATEST");
        assertThat(ec2.requests()).extracting(Ec2Request::accepted).containsExactly(true, false, false, false);
    }

    @Test
    void anInjectedFailureAnswersItsCodeWithAwsStatusOnce() {
        ec2.failNext("DescribeSubnets", "InsufficientInstanceCapacity", "no capacity")
                .failNext("DescribeVpcs", "RequestLimitExceeded", "Request limit exceeded.");
        try (var client = client("AKIATEST", "the-secret")) {
            assertThatThrownBy(client::describeSubnets).isInstanceOfSatisfying(Ec2Exception.class, e -> {
                assertThat(e.statusCode()).isEqualTo(500);
                assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InsufficientInstanceCapacity");
            });
            assertThatThrownBy(client::describeVpcs).isInstanceOfSatisfying(Ec2Exception.class,
                    e -> assertThat(e.statusCode()).isEqualTo(503));
            assertThat(client.describeSubnets().subnets()).hasSize(2);
        }
    }

    @Test
    void theAccountHasADefaultVpcWithASubnetPerZoneAndCanonicalsUbuntu() {
        try (var client = client("AKIATEST", "the-secret")) {
            var vpc = client.describeVpcs(r -> r.filters(f("is-default", "true"))).vpcs().getFirst();
            var subnets = client.describeSubnets(r -> r.filters(f("vpc-id", vpc.vpcId()),
                    f("availability-zone", "eu-west-1b"))).subnets();
            var images = client.describeImages(r -> r.owners("099720109477")
                    .filters(f("name", "ubuntu/images/hvm-ssd-gp3/ubuntu-noble-24.04-amd64-server-*"))).images();

            assertThat(vpc.isDefault()).isTrue();
            assertThat(subnets).singleElement().satisfies(s -> assertThat(s.defaultForAz()).isTrue());
            assertThat(images).singleElement().satisfies(i -> assertThat(i.rootDeviceName()).isEqualTo("/dev/sda1"));
            assertThatThrownBy(() -> client.describeImages(r -> r.imageIds("ami-0123456789abcdef0")))
                    .isInstanceOfSatisfying(Ec2Exception.class, e -> assertThat(e.awsErrorDetails().errorCode())
                            .isEqualTo("InvalidAMIID.NotFound"));
            assertThatThrownBy(() -> client.describeVpcs(r -> r.filters(f("colour", "blue"))))
                    .hasMessageContaining("The filter 'colour' is invalid");
        }
    }

    @Test
    void keyPairsAndSecurityGroupsBehaveAsOnEc2() {
        try (var client = client("AKIATEST", "the-secret")) {
            client.importKeyPair(r -> r.keyName("k1").publicKeyMaterial(SdkBytes.fromUtf8String(
                    "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIHfF2dXn2S0HnV1mAbY0U0aK6F+7l6L5sFqk0b0Ff4v1 me")));
            assertThatThrownBy(() -> client.importKeyPair(r -> r.keyName("k1").publicKeyMaterial(
                    SdkBytes.fromUtf8String("ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIHfF2dXn2S0HnV1mAbY0U0aK6F+7l6L5sFqk0b0Ff4v1"))))
                    .hasMessageContaining("already exists");
            assertThatThrownBy(() -> client.importKeyPair(r -> r.keyName("k2").publicKeyMaterial(
                    SdkBytes.fromUtf8String("ecdsa-sha2-nistp256 AAAAE2VjZHNh"))))
                    .isInstanceOfSatisfying(Ec2Exception.class, e -> assertThat(e.awsErrorDetails().errorCode())
                            .isEqualTo("InvalidKey.Format"));
            assertThat(client.describeKeyPairs().keyPairs()).extracting(k -> k.keyName()).containsExactly("k1");
            client.deleteKeyPair(r -> r.keyName("k1"));
            client.deleteKeyPair(r -> r.keyName("k1"));
            assertThat(ec2.keyPairNames()).isEmpty();

            var group = client.createSecurityGroup(r -> r.groupName("web").description("web")).groupId();
            client.authorizeSecurityGroupIngress(r -> r.groupId(group).ipPermissions(p -> p.ipProtocol("tcp")
                    .fromPort(22).toPort(22).ipRanges(i -> i.cidrIp("0.0.0.0/0"))));
            assertThatThrownBy(() -> client.authorizeSecurityGroupIngress(r -> r.groupId(group).ipPermissions(p -> p
                    .ipProtocol("tcp").fromPort(22).toPort(22).ipRanges(i -> i.cidrIp("0.0.0.0/0")))))
                    .isInstanceOfSatisfying(Ec2Exception.class, e -> assertThat(e.awsErrorDetails().errorCode())
                            .isEqualTo("InvalidPermission.Duplicate"));
            assertThat(client.describeSecurityGroups(r -> r.filters(f("group-name", "web"))).securityGroups()
                    .getFirst().ipPermissions()).singleElement().satisfies(p -> assertThat(p.fromPort()).isEqualTo(22));
            client.deleteSecurityGroup(r -> r.groupId(group));
            assertThat(ec2.securityGroups()).doesNotContainValue("web");
        }
    }

    @Test
    void assumeRoleGivesTemporaryCredentialsThatTheStandInAccepts() {
        ec2.addRole("arn:aws:iam::123456789012:role/deploy");
        try (var sts = StsClient.builder().region(Region.EU_WEST_1).endpointOverride(ec2.endpoint())
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIATEST",
                        "the-secret"))).build()) {
            var credentials = sts.assumeRole(r -> r.roleArn("arn:aws:iam::123456789012:role/deploy")
                    .roleSessionName("test")).credentials();
            assertThatThrownBy(() -> sts.assumeRole(r -> r.roleArn("arn:aws:iam::123456789012:role/other")
                    .roleSessionName("test"))).isInstanceOfSatisfying(StsException.class,
                    e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("AccessDenied"));

            try (var temporary = Ec2Client.builder().region(Region.EU_WEST_1).endpointOverride(ec2.endpoint())
                    .credentialsProvider(StaticCredentialsProvider.create(
                            software.amazon.awssdk.auth.credentials.AwsSessionCredentials.create(
                                    credentials.accessKeyId(), credentials.secretAccessKey(),
                                    credentials.sessionToken()))).build()) {
                assertThat(temporary.describeVpcs().vpcs()).hasSize(1);
            }
            assertThat(credentials.accessKeyId()).startsWith("ASIA");
        }
    }

    @Test
    void anInstanceIsARealHostThatStopsAndStartsAtANewAddressAndTerminates(@TempDir Path keys) throws Exception {
        assumeTrue(TestHosts.available(), TestHosts.unavailableReason());
        run("ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", keys.resolve("id").toString());
        try (var client = client("AKIATEST", "the-secret")) {
            client.importKeyPair(r -> r.keyName("k").publicKeyMaterial(SdkBytes.fromUtf8String(
                    readString(keys.resolve("id.pub")))));
            var id = client.runInstances(r -> r.imageId(Ec2StandIn.UBUNTU.id()).instanceType("t3.micro").keyName("k")
                    .minCount(1).maxCount(1)).instances().getFirst().instanceId();
            assertThat(ec2.instanceState(id)).isIn("pending", "running");

            var first = await(client, id, InstanceStateName.RUNNING).publicIpAddress();
            assertThat(ssh(keys, first, "hostname")).isEqualTo("ec2-" + id.substring(2));
            assertThat(ssh(keys, first, "docker info --format '{{.ServerVersion}}'")).isNotBlank();

            client.stopInstances(r -> r.instanceIds(id));
            assertThat(await(client, id, InstanceStateName.STOPPED).publicIpAddress()).isNull();
            assertThatThrownBy(() -> client.rebootInstances(r -> r.instanceIds(id)))
                    .hasMessageContaining("not in a state");
            client.startInstances(r -> r.instanceIds(id));
            var second = await(client, id, InstanceStateName.RUNNING).publicIpAddress();
            assertThat(second).isNotEqualTo(first);
            assertThat(ssh(keys, second, "hostname")).isEqualTo("ec2-" + id.substring(2));

            client.terminateInstances(r -> r.instanceIds(id));
            await(client, id, InstanceStateName.TERMINATED);
            assertThat(ec2.liveInstances()).isEmpty();
            assertThat(ec2.hostFailures()).isEmpty();
        }
    }

    private static software.amazon.awssdk.services.ec2.model.Instance await(Ec2Client client, String id,
                                                                             InstanceStateName state)
            throws InterruptedException {
        var deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            var instance = client.describeInstances(r -> r.instanceIds(id)).reservations().getFirst().instances()
                    .getFirst();
            if (instance.state().name() == state) {
                return instance;
            }
            Thread.sleep(100);
        }
        throw new AssertionError(id + " did not become " + state);
    }

    private static Filter f(String name, String value) {
        return Filter.builder().name(name).values(value).build();
    }

    private static String ssh(Path keys, String address, String command) throws Exception {
        return run("ssh", "-i", keys.resolve("id").toString(), "-o", "StrictHostKeyChecking=no", "-o",
                "UserKnownHostsFile=/dev/null", "-o", "BatchMode=yes", "-o", "LogLevel=ERROR",
                "root@" + address, command).strip();
    }

    private static String readString(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static String run(String... command) throws Exception {
        var process = new ProcessBuilder(command).redirectErrorStream(true).start();
        process.getOutputStream().close();
        var output = new String(process.getInputStream().readAllBytes());
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
        return output;
    }
}
