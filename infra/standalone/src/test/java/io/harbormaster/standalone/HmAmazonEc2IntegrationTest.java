package io.harbormaster.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import io.harbormaster.testing.TestHosts;
import io.harbormaster.testing.ec2.Ec2StandIn;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code hm create -d amazonec2} with the real hm process against the running platform, whose amazonec2 driver talks
 * to the EC2 stand-in (instances are real test hosts): a team owner adds the team's AWS credential with
 * {@code hm credentials add}, lists the driver's flags with {@code hm drivers amazonec2}, creates a machine with the
 * driver's flags (a repeated list flag, a boolean alone, tags) and watches it reach Running; {@code hm ls} shows it.
 * The bad paths: an unknown flag is named with the closest one, an AWS key as a flag is refused before anything is
 * sent, and a value the driver refuses is shown in the driver's words; none of them creates a machine.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class HmAmazonEc2IntegrationTest {

    private static final String PASSWORD = "amazonec2-cli-password";
    private static final String KEY_ID = "AKIASTANDINCLI000001";
    private static final String SECRET = "stand-in-cli-secret/never+shown";
    /** The test-host addresses this test's instances take (the stand-in's public IPs): 10.213.0.240 to .249. */
    private static final List<String> ADDRESSES = IntStream.rangeClosed(240, 249).mapToObj(n -> "10.213.0." + n)
            .toList();

    @TempDir
    static Path workspace;

    private static Ec2StandIn ec2;
    private static RunningPlatform platform;
    private static HmWorkstation olivia;

    @BeforeAll
    static void start() throws Exception {
        Assumptions.assumeTrue(TestHosts.available(), () -> "test hosts unavailable: " + TestHosts.unavailableReason());
        // instances are named after random instance ids (ec2-0<16 hex digits>), so they clash with no other test's
        ec2 = new Ec2StandIn("us-east-1", ADDRESSES).addAccessKey(KEY_ID, SECRET);
        platform = RunningPlatform.startOnFreshDatabase(
                "--harbormaster.drivers.amazonec2.endpoint=" + ec2.endpoint(),
                "--harbormaster.drivers.amazonec2.sts-endpoint=" + ec2.endpoint(),
                "--harbormaster.drivers.amazonec2.poll-interval=100ms",
                "--harbormaster.drivers.amazonec2.wait-timeout=60s");
        var admin = platform.admin();
        var team = admin.post("/api/teams", "{\"name\":\"cloud-team\"}").text("teamId");
        var id = admin.post("/api/users", "{\"username\":\"olivia\",\"displayName\":\"Olivia\"}").text("userId");
        admin.put("/api/users/" + id + "/password", "{\"password\":\"" + PASSWORD + "\"}");
        admin.post("/api/teams/" + team + "/members", "{\"userId\":\"%s\",\"role\":\"OWNER\"}".formatted(id));
        olivia = new HmWorkstation(Files.createDirectories(workspace.resolve("olivia-laptop")));
        var login = olivia.hmWithInput(PASSWORD + "\n", "login", platform.baseUrl(), "-u", "olivia",
                "--password-stdin");
        assertThat(login.exitCode()).as(login.err()).isZero();
        var added = olivia.hmWithInput(SECRET + "\n", "credentials", "add", "aws", "--access-key-id", KEY_ID,
                "--secret-access-key-stdin", "--region", "us-east-1");
        assertThat(added.exitCode()).as(added.err()).isZero();
    }

    @AfterAll
    static void stop() {
        if (olivia != null) {
            olivia.hm("rm", "-y", "-f", "cloud-1");
        }
        if (platform != null) {
            platform.close();
        }
        if (ec2 != null) {
            ec2.close();
        }
    }

    @Test
    @Order(1)
    void driversListsTheAmazonec2FlagsTheServerDescribes() {
        var drivers = olivia.hm("drivers");
        assertThat(drivers.exitCode()).as(drivers.err()).isZero();
        assertThat(drivers.out()).startsWith("DRIVER").contains("amazonec2", "generic", "none");

        var flags = olivia.hm("drivers", "amazonec2");
        assertThat(flags.exitCode()).as(flags.err()).isZero();
        assertThat(flags.out()).contains("--amazonec2-credential VALUE", "--amazonec2-instance-type VALUE",
                "t2.micro", "--amazonec2-monitoring[=true|false]", "--amazonec2-open-port VALUE",
                "Repeat the flag for more values.").doesNotContain("--amazonec2-secret-key");
    }

    @Test
    @Order(2)
    void anUnknownFlag_anAwsKey_andAValueTheDriverRefuses_createNothing() {
        var typo = olivia.hm("create", "-d", "amazonec2", "--amazonec2-credential", "aws", "--amazonec2-regon",
                "eu-west-1", "cloud-0");
        assertThat(typo.exitCode()).isEqualTo(2);
        assertThat(typo.err()).isEqualTo("unknown flag --amazonec2-regon; did you mean --amazonec2-region? "
                + "(hm drivers amazonec2 lists the amazonec2 driver's flags)\n");

        var secret = olivia.hm("create", "-d", "amazonec2", "--amazonec2-access-key", KEY_ID,
                "--amazonec2-secret-key", SECRET, "cloud-0");
        assertThat(secret.exitCode()).isEqualTo(3);
        assertThat(secret.err()).startsWith("Error creating machine: --amazonec2-access-key is not taken")
                .contains("hm credentials add", "--amazonec2-credential NAME").doesNotContain(SECRET)
                .doesNotContain(KEY_ID);

        var refused = olivia.hm("create", "-d", "amazonec2", "--amazonec2-credential", "aws", "--amazonec2-region",
                "mars-1", "cloud-0");
        assertThat(refused.exitCode()).as(refused.err()).isEqualTo(3);
        assertThat(refused.err()).contains("'amazonec2-region' takes a region such as eu-west-1; got 'mars-1'.");

        var missing = olivia.hm("create", "-d", "amazonec2", "--amazonec2-credential", "aws-typo", "cloud-0");
        assertThat(missing.exitCode()).as(missing.err()).isEqualTo(3);
        assertThat(missing.err()).as("a credential the team does not have is refused before anything is made")
                .contains("The team has no cloud credential 'aws-typo'", "hm credentials add aws-typo");

        assertThat(ec2.requests("RunInstances")).isEmpty();
        var listed = olivia.hm("ls", "-q");
        assertThat(listed.out()).doesNotContain("cloud-0");
    }

    @Test
    @Order(3)
    void createsAnAmazonec2MachineWithTheDriversFlags_thatReachesRunning_andHmLsShowsIt() {
        var created = olivia.hm("create", "-d", "amazonec2", "--amazonec2-credential", "aws",
                "--amazonec2-instance-type=t3.small", "--amazonec2-ssh-user", "root", "--amazonec2-open-port", "8080",
                "--amazonec2-open-port", "53/udp", "--amazonec2-tags", "cost-centre,42", "--amazonec2-monitoring",
                "cloud-1");

        assertThat(created.exitCode()).as(created.out() + created.err()).isZero();
        assertThat(created.out()).contains("Running pre-create checks...", "Creating machine...",
                "Docker is up and running!", "hm env cloud-1");
        var instance = ec2.liveInstances().getFirst();
        assertThat(ec2.instanceTags(instance)).containsEntry("cost-centre", "42");
        var launch = ec2.launchRequest(instance).orElseThrow();
        assertThat(launch.param("InstanceType")).isEqualTo("t3.small");
        assertThat(launch.param("Monitoring.Enabled")).isEqualTo("true");
        assertThat(ec2.securityGroups().keySet()).anySatisfy(group -> assertThat(ec2.ingressOf(group))
                .contains("8080/tcp", "53/udp"));

        var ls = ApiClient.await(() -> response(olivia.hm("ls", "--filter", "driver=amazonec2")),
                r -> r.body().contains("Running"));
        assertThat(ls.body()).contains("cloud-1", "amazonec2", "Running", "tcp://" + ec2.instanceAddress(instance)
                + ":2376");
    }

    /** A run as a response, to poll it until the read side has caught up. */
    private static ApiClient.Response response(HmWorkstation.Run run) {
        assertThat(run.exitCode()).as(run.err()).isZero();
        return new ApiClient.Response(200, run.out(), null, "text/plain", null);
    }
}
