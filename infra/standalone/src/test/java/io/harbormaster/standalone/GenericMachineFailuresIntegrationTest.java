package io.harbormaster.standalone;

import static io.harbormaster.standalone.TestHostMachines.actions;
import static io.harbormaster.standalone.TestHostMachines.awaitSettled;
import static io.harbormaster.standalone.TestHostMachines.bodySlice;
import static io.harbormaster.standalone.TestHostMachines.createRequest;
import static io.harbormaster.standalone.TestHostMachines.history;
import static io.harbormaster.standalone.TestHostMachines.newKey;
import static io.harbormaster.standalone.TestHostMachines.publicKey;
import static io.harbormaster.standalone.TestHostMachines.read;
import static org.assertj.core.api.Assertions.assertThat;

import io.harbormaster.testing.TestHost;
import io.harbormaster.testing.TestHosts;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * Generic machines that cannot be provisioned: a host that is not there, a host that refuses the machine's key, and a
 * key that is no key at all. Each failure is told to the user with a reason that says what went wrong and where, the
 * machine and its history stay, the platform goes on serving, and no private key is written anywhere.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@ExtendWith(OutputCaptureExtension.class)
class GenericMachineFailuresIntegrationTest {

    private static final String HOST_IP = "10.213.0.40";
    /** On the test hosts' network, where no host ever runs. */
    private static final String NOBODY_IP = "10.213.0.59";
    private static final Duration SETTLES_WITHIN = Duration.ofSeconds(60);

    @TempDir
    static Path workstation;

    private static final List<TestHost> hosts = new ArrayList<>();
    private static RunningPlatform platform;
    private static ApiClient admin;
    private static String team;
    private static String authorizedKey;
    private static String strangerKey;
    private static String damagedKey;
    /**
     * What the process printed, test by test. A method's capture writes straight to the real standard output, not
     * through the class's, so the output of earlier tests is gathered here for the leak check.
     */
    private static final StringBuilder printed = new StringBuilder();

    @BeforeAll
    static void start() {
        Assumptions.assumeTrue(TestHosts.available(), () -> "test hosts unavailable: " + TestHosts.unavailableReason());
        var authorized = newKey(workstation, "fail-authorized");
        authorizedKey = read(authorized);
        strangerKey = read(newKey(workstation, "fail-stranger"));
        // a real key cut in half, as a bad copy and paste would leave it
        var other = read(newKey(workstation, "fail-damaged"));
        damagedKey = other.substring(0, other.length() / 2) + "\n-----END OPENSSH PRIVATE KEY-----\n";
        hosts.add(TestHosts.up("fail-a", HOST_IP, publicKey(authorized)));
        platform = RunningPlatform.startOnFreshDatabase();
        admin = platform.admin();
        team = MachineLifecycleIntegrationTest.defaultTeamId(admin);
    }

    @AfterAll
    static void stop() {
        TestHostMachines.stopAll(platform, hosts);
    }

    @AfterEach
    void keepWhatWasPrinted(CapturedOutput output) {
        printed.append(output.getAll());
    }

    @Test
    @Order(1)
    void aHostThatIsNotThere_leavesTheMachineInError_withAReasonNamingTheAddress_andTheHistoryAndPlatformIntact() {
        var created = admin.post("/api/machines", createRequest(team, "fail-nobody", NOBODY_IP, authorizedKey));
        assertThat(created.status()).as(created.body()).isEqualTo(202);
        var id = created.text("machineId");

        var machine = awaitSettled(admin, id, SETTLES_WITHIN);

        var history = history(admin, id);
        assertThat(machine.text("state")).as(history.toString()).isEqualTo("Error");
        assertThat(machine.text("name")).isEqualTo("fail-nobody");
        assertThat(machine.text("lastError")).contains("Cannot reach the SSH server at " + NOBODY_IP + ":22");
        assertThat(actions(history)).containsExactly("MachineCreated", "ProvisioningFailed");
        assertThat(history.getLast())
                .startsWith("ProvisioningFailed: provisioning failed at ssh: ")
                .contains("Cannot reach the SSH server at " + NOBODY_IP + ":22")
                .contains("Check that the host is up");
        assertThat(admin.get("/api/machines?name=fail-nobody").body()).contains(id).contains("\"Error\"");

        // the platform goes on: a machine on a host that is there is provisioned as usual
        var good = admin.post("/api/machines", createRequest(team, "fail-good", HOST_IP, authorizedKey));
        assertThat(good.status()).as(good.body()).isEqualTo(202);
        var goodMachine = awaitSettled(admin, good.text("machineId"), SETTLES_WITHIN);
        assertThat(goodMachine.text("state")).as(history(admin, good.text("machineId")).toString())
                .isEqualTo("Running");
    }

    @Test
    @Order(2)
    void aHostThatRefusesTheKey_leavesTheMachineInError_withAnAuthenticationReasonNamingTheUser() {
        var created = admin.post("/api/machines", createRequest(team, "fail-stranger", HOST_IP, strangerKey));
        assertThat(created.status()).as(created.body()).isEqualTo(202);
        var id = created.text("machineId");

        var machine = awaitSettled(admin, id, SETTLES_WITHIN);

        var history = history(admin, id);
        assertThat(machine.text("state")).as(history.toString()).isEqualTo("Error");
        assertThat(machine.text("lastError")).contains("refused to log in user 'root'");
        assertThat(actions(history)).containsExactly("MachineCreated", "ProvisioningFailed");
        assertThat(history.getLast())
                .startsWith("ProvisioningFailed: provisioning failed at ssh: ")
                .contains("The SSH server at " + HOST_IP + ":22 refused to log in user 'root'")
                .contains("authorized_keys");
    }

    @Test
    @Order(3)
    void aKeyThatCannotBeRead_isRefusedNamingTheField_andNothingIsCreated() {
        var before = machinesCreated();
        var secretsBefore = secretVersions();

        var refused = admin.post("/api/machines", createRequest(team, "fail-damaged", HOST_IP, damagedKey));

        assertThat(refused.status()).as(refused.body()).isEqualTo(400);
        var errors = refused.json().path("errors");
        assertThat(errors.size()).as(refused.body()).isEqualTo(1);
        assertThat(errors.get(0).path("field").asString()).isEqualTo("sshKey");
        assertThat(refused.text("detail")).contains("private key");
        assertThat(refused.body()).doesNotContain(bodySlice(damagedKey));
        assertThat(machinesCreated()).isEqualTo(before);
        assertThat(secretVersions()).as("secret versions stored").isEqualTo(secretsBefore);
        assertThat(admin.get("/api/machines?name=fail-damaged").json().path("total").asLong()).isZero();
    }

    @Test
    @Order(4)
    void noPrivateKeyIsStoredInPlainTextOrPrinted(CapturedOutput output) {
        var secrets = List.of("PRIVATE KEY", bodySlice(authorizedKey), bodySlice(strangerKey), bodySlice(damagedKey));
        // the scans see what is there: the machines' names are stored, and the platform's log was captured
        assertThat(rowsContaining("fail-nobody")).isNotEmpty();
        var log = printed + output.getAll();
        assertThat(log).contains("Provisioned machine fail-good");

        for (var secret : secrets) {
            assertThat(eventsContaining(secret)).as("events holding %s", secret).isZero();
            assertThat(rowsContaining(secret)).as("tables holding %s", secret).isEmpty();
            assertThat(log).as("log").doesNotContain(secret);
        }
    }

    private static long machinesCreated() {
        return platform.jdbc().sql("SELECT count(*) FROM domain_event_entry WHERE payload_type = ?")
                .param("io.harbormaster.api.machine.MachineCreated").query(Long.class).single();
    }

    private static long secretVersions() {
        return platform.jdbc().sql("SELECT count(*) FROM sec_sealed_secret").query(Long.class).single();
    }

    private static long eventsContaining(String text) {
        return platform.jdbc().sql("""
                        SELECT count(*) FROM domain_event_entry
                        WHERE strpos(convert_from(payload, 'UTF8'), ?) > 0
                           OR strpos(convert_from(meta_data, 'UTF8'), ?) > 0""")
                .param(text).param(text).query(Long.class).single();
    }

    /**
     * The tables whose rows hold {@code text}: each row as text, and every bytea column (event payloads, tokens,
     * sealed secrets) searched byte for byte, so binary columns are not skipped.
     */
    private static List<String> rowsContaining(String text) {
        var jdbc = platform.jdbc();
        var found = new ArrayList<String>();
        var tables = jdbc.sql("""
                SELECT table_name FROM information_schema.tables
                WHERE table_schema = 'public' AND table_type = 'BASE TABLE'""").query(String.class).list();
        for (var table : tables) {
            if (jdbc.sql("SELECT count(*) FROM \"" + table + "\" t WHERE strpos(t::text, ?) > 0").param(text)
                    .query(Long.class).single() > 0) {
                found.add(table);
            }
        }
        var binary = jdbc.sql("""
                        SELECT table_name, column_name FROM information_schema.columns
                        WHERE table_schema = 'public' AND data_type = 'bytea'""")
                .query((rs, n) -> List.of(rs.getString(1), rs.getString(2))).list();
        for (var column : binary) {
            if (jdbc.sql("SELECT count(*) FROM \"%s\" WHERE position(convert_to(?, 'UTF8') IN \"%s\") > 0"
                    .formatted(column.get(0), column.get(1))).param(text).query(Long.class).single() > 0) {
                found.add(column.get(0) + "." + column.get(1));
            }
        }
        return found;
    }
}
