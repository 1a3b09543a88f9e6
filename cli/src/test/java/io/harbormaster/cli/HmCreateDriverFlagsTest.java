package io.harbormaster.cli;

import static io.harbormaster.cli.HmLifecycleTest.entry;
import static org.assertj.core.api.Assertions.assertThat;

import io.harbormaster.cli.VerbServer.Answer;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * create for a driver other than generic and none: its flags are the options the server describes
 * ({@code GET /api/drivers}); unknown flags and drivers are named with what exists; AWS keys never leave hm; the
 * driver's refusal of a value is shown in its words. And {@code hm drivers}, which lists the same descriptions.
 */
class HmCreateDriverFlagsTest {

    private static final String TEAM = "11111111-2222-4333-8444-555555555555";
    private static final String ID = "0f0e0d0c-0b0a-4909-8807-060504030201";
    static final String DRIVERS = """
            {"drivers":[
             {"name":"generic","provisions":true,"operations":["RESTART"],"options":[
              {"name":"ip-address","label":"IP address","description":"The host's address.","required":true,\
            "defaultValue":null,"kind":"HOST"}]},
             {"name":"amazonec2","provisions":true,"operations":["START","STOP","RESTART","KILL"],"options":[
              {"name":"amazonec2-credential","label":"Credential","description":"The team's AWS credential.",\
            "required":false,"defaultValue":null,"kind":"TEXT"},
              {"name":"amazonec2-region","label":"Region","description":"The AWS region.","required":false,\
            "defaultValue":null,"kind":"TEXT"},
              {"name":"amazonec2-instance-type","label":"Instance type","description":"The EC2 instance type.",\
            "required":false,"defaultValue":"t2.micro","kind":"TEXT"},
              {"name":"amazonec2-monitoring","label":"Monitoring","description":"Detailed monitoring.",\
            "required":false,"defaultValue":"false","kind":"BOOLEAN"},
              {"name":"amazonec2-open-port","label":"Open ports","description":"More ports to open.",\
            "required":false,"defaultValue":null,"kind":"LIST"}]},
             {"name":"none","provisions":false,"operations":["START","STOP"],"options":[
              {"name":"url","label":"URL","description":"The daemon's URL.","required":true,"defaultValue":null,\
            "kind":"URL"}]}]}""";

    private final VerbServer server = new VerbServer();
    private final Map<String, String> signedIn = Map.of("HM_URL", server.url(), "HM_TOKEN", "t0k3n");

    @BeforeEach
    void aServerWithAmazonec2() {
        server.on("GET", "/api/drivers", Answer.json(DRIVERS));
        server.on("GET", "/api/me", Answer.json("""
                {"userId":"u","username":"alice","teams":[{"teamId":"%s","name":"platform","role":"OPERATOR"}]}"""
                .formatted(TEAM)));
        server.on("POST", "/api/machines", Answer.accepted(ID, "c-create"));
        server.on("GET", "/api/machines/" + ID + "/events", Answer.events(5,
                entry("1", "MachineCreated", "created with driver amazonec2, held by alice", "c-create",
                        HmLifecycleTest.AFTER, "Creating"),
                entry("2", "MachineProvisioned", "provisioned; Docker Engine at tcp://10.213.0.240:2376", "c-create",
                        HmLifecycleTest.AFTER, "Running")));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private JsonNode createBody() {
        return JsonMapper.builder().build().readTree(server.requests("POST", "/api/machines").getFirst().body());
    }

    @Test
    void theDriversDescribedOptionsAreFlags_sentUnderTheirNames() {
        var result = Hm.run(signedIn, "create", "-d", "amazonec2", "--amazonec2-credential", "aws-prod",
                "--amazonec2-region=eu-west-1", "--amazonec2-monitoring", "--amazonec2-open-port", "8080",
                "--amazonec2-open-port", "53/udp", "--engine-label", "env=prod", "cloud-1");

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out()).contains("Docker is up and running!", "tcp://10.213.0.240:2376");
        var body = createBody();
        assertThat(body.path("driver").stringValue()).isEqualTo("amazonec2");
        assertThat(body.path("driverOptions").toString()).isEqualTo("{\"amazonec2-credential\":\"aws-prod\","
                + "\"amazonec2-region\":\"eu-west-1\",\"amazonec2-monitoring\":\"true\","
                + "\"amazonec2-open-port\":\"8080,53/udp\"}");
        assertThat(body.path("engineOptions").path("labels").toString()).isEqualTo("[\"env=prod\"]");
    }

    @Test
    void anUnknownFlagIsAUsageErrorWithTheClosestFlag_andNothingIsCreated() {
        var result = Hm.run(signedIn, "create", "-d", "amazonec2", "--amazonec2-regon", "eu-west-1", "cloud-1");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).isEqualTo("unknown flag --amazonec2-regon; did you mean --amazonec2-region? "
                + "(hm drivers amazonec2 lists the amazonec2 driver's flags)\n");
        assertThat(server.requests("POST", ".*")).isEmpty();
    }

    @Test
    void aDriverFlagWithoutItsValue_orABooleanThatIsNeither_isOneLine_notTheWholeUsage() {
        var missing = Hm.run(signedIn, "create", "-d", "amazonec2", "cloud-1", "--amazonec2-region");
        assertThat(missing.exitCode()).isEqualTo(2);
        assertThat(missing.err()).isEqualTo("Missing required parameter for option '--amazonec2-region' (VALUE) "
                + "(hm drivers amazonec2 lists the amazonec2 driver's flags)\n");

        var notABoolean = Hm.run(signedIn, "create", "-d", "amazonec2", "--amazonec2-monitoring=maybe", "cloud-1");
        assertThat(notABoolean.exitCode()).isEqualTo(2);
        assertThat(notABoolean.err()).isEqualTo("Invalid value for option '--amazonec2-monitoring': 'maybe' is not a "
                + "boolean (hm drivers amazonec2 lists the amazonec2 driver's flags)\n");
        assertThat(server.requests("POST", ".*")).isEmpty();
    }

    @Test
    void anUnknownDriverSaysWhichTheServerHas() {
        var result = Hm.run(signedIn, "create", "-d", "amazon", "--amazon-region", "x", "cloud-1");

        assertThat(result.exitCode()).isEqualTo(3);
        assertThat(result.err()).isEqualTo("Error creating machine: the server at " + server.url() + " has no "
                + "driver 'amazon' (did you mean amazonec2?); it has amazonec2, generic, none (hm drivers lists them)"
                + "\n");
        assertThat(server.requests("POST", ".*")).isEmpty();
    }

    @Test
    void awsKeysAsFlagsAreRefusedBeforeAnythingIsSent() {
        var result = Hm.run(signedIn, "create", "-d", "amazonec2", "--amazonec2-access-key", "AKIAIOSFODNN7EXAMPLE",
                "--amazonec2-secret-key=wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY", "cloud-1");

        assertThat(result.exitCode()).isEqualTo(3);
        assertThat(result.err()).startsWith("Error creating machine: --amazonec2-access-key is not taken")
                .contains("hm credentials add NAME --access-key-id ID", "--amazonec2-credential NAME")
                .doesNotContain("AKIAIOSFODNN7EXAMPLE").doesNotContain("wJalrXUtnFEMI");
        assertThat(server.requests).isEmpty();
    }

    @Test
    void aValueTheDriverRefusesIsShownInItsWords_exit3() {
        server.on("POST", "/api/machines", Answer.problem(422,
                "'amazonec2-region' takes a region such as eu-west-1; got 'mars-1'."));

        var result = Hm.run(signedIn, "create", "-d", "amazonec2", "--amazonec2-region", "mars-1", "cloud-1");

        assertThat(result.exitCode()).isEqualTo(3);
        assertThat(result.err()).isEqualTo("'amazonec2-region' takes a region such as eu-west-1; got 'mars-1'.\n");
    }

    @Test
    void genericAndNoneAskTheServerNothingBeforeCreating() {
        server.on("GET", "/api/machines/" + ID + "/events", Answer.events(5,
                entry("1", "MachineProvisioned", "Docker Engine at tcp://10.0.0.6:2376", "c-create",
                        HmLifecycleTest.AFTER, "Running")));

        var result = Hm.run(signedIn, "create", "-d", "none", "--url", "tcp://10.0.0.6:2376", "legacy-1");

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(server.requests("GET", "/api/drivers")).isEmpty();
    }

    @Test
    void createHelpForADriverListsItsFlagsFromTheServer() {
        var help = Hm.run(signedIn, "create", "-d", "amazonec2", "--help");

        assertThat(help.exitCode()).isZero();
        assertThat(help.out().replaceAll("\\s+", " ")).contains("Options of the amazonec2 driver, from " + server.url(),
                "--amazonec2-open-port VALUE", "More ports to open. Repeat the flag for more values.",
                "--amazonec2-monitoring[=true|false]", "(default: t2.micro)");
        assertThat(Hm.run(Map.of(), "create", "--help").out()).contains("hm drivers DRIVER");
    }

    @Test
    void driversListsTheServersDrivers_andOneDriversFlags() {
        var all = Hm.run(signedIn, "drivers");
        assertThat(all.exitCode()).as(all.err()).isZero();
        assertThat(all.out()).isEqualTo("""
                DRIVER      PROVISIONS   OPERATIONS                   OPTIONS
                amazonec2   yes          start, stop, restart, kill   5
                generic     yes          restart                      1
                none        no           start, stop                  1
                """);

        var ec2 = Hm.run(signedIn, "drivers", "amazonec2");
        assertThat(ec2.out()).isEqualTo("""
                FLAG                                  DEFAULT    DESCRIPTION
                --amazonec2-credential VALUE          -          The team's AWS credential.
                --amazonec2-region VALUE              -          The AWS region.
                --amazonec2-instance-type VALUE       t2.micro   The EC2 instance type.
                --amazonec2-monitoring[=true|false]   false      Detailed monitoring.
                --amazonec2-open-port VALUE           -          More ports to open. Repeat the flag for more values.
                """);
        assertThat(Hm.run(signedIn, "drivers", "generic").out()).contains("--generic-ip-address HOST");

        var unknown = Hm.run(signedIn, "drivers", "virtualbox");
        assertThat(unknown.exitCode()).isEqualTo(1);
        assertThat(unknown.err()).contains("has no driver 'virtualbox'; it has amazonec2, generic, none");
    }
}
