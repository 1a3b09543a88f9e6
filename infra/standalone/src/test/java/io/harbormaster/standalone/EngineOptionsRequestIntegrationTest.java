package io.harbormaster.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The {@code engineOptions} of {@code POST /api/machines} over real HTTP: what breaks a rule is a 400 problem naming
 * the part at fault and appends nothing; accepted options are recorded and shown in the machine's detail; the OpenAPI
 * description shows them with an example. No host is contacted by what this test checks (the accepted machine's
 * address, 10.213.0.159, has no host: its provisioning fails, which changes nothing here).
 */
class EngineOptionsRequestIntegrationTest {

    private static RunningPlatform platform;
    private static String team;

    @BeforeAll
    static void start() {
        platform = RunningPlatform.startOnFreshDatabase();
        team = MachineLifecycleIntegrationTest.defaultTeamId(platform.admin());
    }

    @AfterAll
    static void stop() {
        platform.close();
    }

    static Stream<Arguments> badOptions() {
        return Stream.of(
                Arguments.of("unknown flag", "{\"flags\":[\"log-level=warn\",\"bogus=1\"]}", "engineOptions.flags[1]",
                        "not a dockerd option"),
                Arguments.of("flag Harbormaster owns", "{\"flags\":[\"tlsverify=false\"]}", "engineOptions.flags[0]",
                        "set by Harbormaster"),
                Arguments.of("bad log level", "{\"flags\":[\"log-level=loud\"]}", "engineOptions.flags[0]",
                        "debug, error, fatal, info, warn"),
                Arguments.of("ulimit form", "{\"flags\":[\"default-ulimit=nofile\"]}", "engineOptions.flags[0]",
                        "name=soft[:hard]"),
                Arguments.of("label without =", "{\"labels\":[\"team\"]}", "engineOptions.labels[0]", "key=value"),
                Arguments.of("Harbormaster's label", "{\"labels\":[\"provider=me\"]}", "engineOptions.labels[0]",
                        "Harbormaster's own"),
                Arguments.of("ftp install URL", "{\"installUrl\":\"ftp://get.docker.com\"}", "engineOptions.installUrl",
                        "http or https"),
                Arguments.of("install URL with credentials", "{\"installUrl\":\"https://u:p@get.docker.com\"}",
                        "engineOptions.installUrl", "credentials"),
                Arguments.of("SAN that is no name", "{\"tlsSans\":[\"not a name\"]}", "engineOptions.tlsSans[0]",
                        "neither a DNS name nor an IP address"),
                Arguments.of("control character", "{\"labels\":[\"team=a\\u0001b\"]}", "engineOptions.labels[0]",
                        "control characters"),
                Arguments.of("too many flags", "{\"flags\":[" + "\"dns=1.1.1.1\",".repeat(32) + "\"dns=8.8.8.8\"]}",
                        "engineOptions.flags", "32"),
                Arguments.of("oversized install URL", "{\"installUrl\":\"https://e.com/" + "x".repeat(2100) + "\"}",
                        "engineOptions.installUrl", "2048"),
                Arguments.of("flags not a list", "{\"flags\":\"log-level=warn\"}", "engineOptions.flags", ""),
                Arguments.of("unknown field", "{\"engineOpt\":[\"log-level=warn\"]}", "engineOpt", ""));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badOptions")
    void badEngineOptionsAre400_namingThePart_andAppendNothing(String why, String options, String field,
                                                               String says) {
        var before = eventCount();

        var response = platform.admin().post("/api/machines", create("eng-bad", options));

        assertThat(response.status()).as(response.body()).isEqualTo(400);
        assertThat(response.contentType()).contains("application/problem+json");
        assertThat(response.body()).contains("\"" + field).contains(says)
                .doesNotContain("Exception", "at io.harbormaster");
        assertThat(eventCount()).isEqualTo(before);
    }

    @Test
    void engineOptionsForTheNoneDriver_areRefused_asItProvisionsNothing() {
        var before = eventCount();
        var response = platform.admin().post("/api/machines", """
                {"team":"%s","name":"eng-none","driver":"none","driverOptions":{"url":"tcp://10.213.0.159:2376"},
                 "engineOptions":{"labels":["team=blue"]}}""".formatted(team));

        assertThat(response.status()).as(response.body()).isEqualTo(400);
        assertThat(response.body()).contains("\"engineOptions\"").contains("none driver");
        assertThat(eventCount()).isEqualTo(before);
    }

    @Test
    void acceptedEngineOptions_areShownInTheMachinesDetail() {
        var response = platform.admin().post("/api/machines", create("eng-good", """
                {"flags":["log-level=warn","default-ulimit=nofile=1024:2048","registry-mirror=https://mirror.example.com"],
                 "labels":["team=blue"],"installUrl":"https://get.docker.com","tlsSans":["docker.example.com","203.0.113.7"]}"""));
        assertThat(response.status()).as(response.body()).isEqualTo(202);

        var detail = ApiClient.await(() -> platform.admin().get("/api/machines/" + response.text("machineId")),
                r -> r.status() == 200);

        var engine = detail.json().path("engineOptions");
        assertThat(engine.toString()).isEqualTo("{\"flags\":[\"log-level=warn\",\"default-ulimit=nofile=1024:2048\","
                + "\"registry-mirror=https://mirror.example.com\"],\"labels\":[\"team=blue\"],"
                + "\"installUrl\":\"https://get.docker.com\",\"tlsSans\":[\"docker.example.com\",\"203.0.113.7\"]}");
    }

    @Test
    void theOpenApiDescriptionShowsEngineOptionsWithAnExample() {
        var docs = platform.admin().get("/v3/api-docs").json();
        var schemas = docs.path("components").path("schemas");

        assertThat(schemas.path("CreateMachineRequest").path("properties").path("engineOptions").toString())
                .contains("CreateMachineEngineOptions");
        var options = schemas.path("CreateMachineEngineOptions");
        assertThat(options.path("properties").propertyNames()).containsExactly("flags", "labels", "installUrl",
                "tlsSans");
        assertThat(options.path("example").toString()).contains("log-level=warn").contains("team=blue");
        assertThat(schemas.path("CreateMachineRequest").path("example").toString()).contains("engineOptions");
    }

    private static String create(String name, String engineOptions) {
        return """
                {"team":"%s","name":"%s","driver":"generic","driverOptions":{"ip-address":"10.213.0.159"},
                 "engineOptions":%s}""".formatted(team, name, engineOptions);
    }

    private static long eventCount() {
        return platform.jdbc().sql("SELECT count(*) FROM domain_event_entry").query(Long.class).single();
    }
}
