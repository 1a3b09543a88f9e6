package io.harbormaster.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import tools.jackson.databind.JsonNode;

/**
 * Where the platform may connect, end to end: the tests' own setting (loopback and the test hosts' network, see
 * {@link RunningPlatform}) is in force, a machine outside it is refused with a 400 naming the option and the rule,
 * link-local is refused although nothing denies it, and a platform admin's change through the API applies at once
 * and is in the audit trail with who made it. Nothing here dials outside loopback and 10.213.0.0/16.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class NetworkPolicyIntegrationTest {

    private static RunningPlatform platform;
    private static ApiClient admin;
    private static String team;

    @BeforeAll
    static void start() {
        platform = RunningPlatform.startOnFreshDatabase();
        admin = platform.admin();
        team = MachineLifecycleIntegrationTest.defaultTeamId(admin);
    }

    @AfterAll
    static void stop() {
        platform.close();
    }

    private static ApiClient.Response create(String name, String url) {
        return admin.post("/api/machines", BadInputIntegrationTest.machine(team, name, "none", url));
    }

    @Test
    @Order(1)
    void theConfiguredNetworksAreInForce_andLinkLocalIsRefusedEvenWhenEverythingIsAllowed() {
        var networks = admin.get("/api/admin/networks");
        assertThat(networks.status()).isEqualTo(200);
        assertThat(networks.json().path("allow").toString()).isEqualTo("[\"127.0.0.0/8\",\"10.213.0.0/16\"]");
        assertThat(networks.json().path("deny").toString()).isEqualTo("[]");
        assertThat(networks.text("source")).isEqualTo("configuration");

        var outside = create("metadata-1", "tcp://169.254.169.254:80");
        assertThat(outside.status()).as(outside.body()).isEqualTo(400);
        assertThat(outside.json().path("errors").get(0).path("message").asString())
                .contains("169.254.169.254 is in none of the allowed networks [127.0.0.0/8, 10.213.0.0/16]");

        // even with everything allowed, link-local stays refused until a network inside it is allowed
        var everything = admin.put("/api/admin/networks", """
                {"allow":["0.0.0.0/0","::/0"],"deny":[]}""");
        assertThat(everything.status()).as(everything.body()).isEqualTo(200);
        assertThat(everything.json().path("linkLocal").toString()).contains("169.254.0.0/16");
        var metadata = create("metadata-1", "tcp://169.254.169.254:80");

        assertThat(metadata.status()).as(metadata.body()).isEqualTo(400);
        var error = metadata.json().path("errors").get(0);
        assertThat(error.path("field").asString()).isEqualTo("driverOptions.url");
        assertThat(error.path("message").asString()).contains("169.254.169.254 is link-local (169.254.0.0/16");
        var ipv6 = create("metadata-2", "tcp://[fe80::1]:2376");
        assertThat(ipv6.status()).as(ipv6.body()).isEqualTo(400);
        assertThat(ipv6.body()).contains("is link-local (fe80:0:0:0:0:0:0:0/10");
        assertThat(admin.get("/api/machines?name=metadata").json().path("total").asInt()).isZero();
    }

    @Test
    @Order(2)
    void anAdminAllowsANetworkThroughTheApi_thenTheCreatePasses_andTheChangeIsAudited() {
        var narrow = admin.put("/api/admin/networks", """
                {"allow":["127.0.0.0/8","10.213.0.0/24"],"deny":[]}""");
        assertThat(narrow.status()).as(narrow.body()).isEqualTo(200);
        assertThat(narrow.text("source")).isEqualTo("admin");

        var refused = create("outside-1", "tcp://10.213.7.10:2376");
        assertThat(refused.status()).as(refused.body()).isEqualTo(400);
        assertThat(refused.json().path("errors").get(0).path("message").asString())
                .contains("10.213.7.10 is in none of the allowed networks [127.0.0.0/8, 10.213.0.0/24]");

        var widened = admin.put("/api/admin/networks", """
                {"allow":["127.0.0.0/8","10.213.0.0/16"],"deny":["10.213.9.0/24"]}""");
        assertThat(widened.status()).as(widened.body()).isEqualTo(200);
        assertThat(widened.json().path("deny").toString()).isEqualTo("[\"10.213.9.0/24\"]");

        var created = create("outside-1", "tcp://10.213.7.10:2376");
        assertThat(created.status()).as(created.body()).isEqualTo(202);
        var denied = create("denied-1", "tcp://10.213.9.10:2376");
        assertThat(denied.status()).as(denied.body()).isEqualTo(400);
        assertThat(denied.body()).contains("10.213.9.10 is in the denied network 10.213.9.0/24");

        var badEntry = admin.put("/api/admin/networks", """
                {"allow":["10.213.0.0/16","metadata.google.internal"],"deny":[]}""");
        assertThat(badEntry.status()).isEqualTo(400);
        assertThat(badEntry.json().path("errors").get(0).path("field").asString()).isEqualTo("allow[1]");

        var entry = awaitAudit("allowed networks set to [127.0.0.0/8, 10.213.0.0/16], denied [10.213.9.0/24]");
        assertThat(entry.path("actorName").asString()).isEqualTo("admin");
        assertThat(entry.path("subject").asString()).isEqualTo("platform networks");
    }

    private static JsonNode awaitAudit(String summary) {
        var deadline = System.nanoTime() + 20_000_000_000L;
        var seen = new ArrayList<JsonNode>();
        while (System.nanoTime() < deadline) {
            seen.clear();
            admin.get("/api/admin/audit?size=200&action=NetworksChanged").json().path("items").forEach(seen::add);
            for (var entry : seen) {
                if (entry.path("summary").asString().equals(summary)) {
                    return entry;
                }
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
        throw new AssertionError("No NetworksChanged audit entry '" + summary + "'; entries: " + List.copyOf(seen));
    }
}
