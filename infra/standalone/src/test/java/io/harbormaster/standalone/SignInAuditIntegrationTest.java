package io.harbormaster.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Access itself is in the audit trail: portal sign-ins and every refused sign-in (portal form, HTTP Basic, bearer
 * token) appear in the platform audit log with channel, client address and the account tried, never with what was
 * presented, and a name that matches no account is not recorded at all. Only platform admins read that log.
 */
class SignInAuditIntegrationTest {

    private static final String PASSWORD = "grace-password-for-audit";
    private static RunningPlatform platform;
    private static String graceId;

    @BeforeAll
    static void start() {
        platform = RunningPlatform.startOnFreshDatabase();
        var admin = platform.admin();
        graceId = admin.post("/api/users", """
                {"username":"grace","displayName":"Grace","platformAdmin":false}""").text("userId");
        assertThat(admin.put("/api/users/" + graceId + "/password", """
                {"password":"%s"}""".formatted(PASSWORD)).status()).isEqualTo(204);
    }

    @AfterAll
    static void stop() {
        platform.close();
    }

    @Test
    void aWrongPasswordOnTheApi_isRecordedAgainstTheAccountTried_withoutThePassword() {
        var wrongPassword = "grace-wrong-password-7731";
        var before = storedFailures();
        assertThat(platform.as("grace", wrongPassword).get("/api/machines").status()).isEqualTo(401);
        assertThat(storedFailures()).as("one event per refusal").isEqualTo(before + 1);

        var entry = awaitEntry("SignInFailed", "grace", "wrong password");

        assertThat(entry.path("channel").asString()).isEqualTo("api");
        assertThat(entry.path("actorName").asString()).isEqualTo("anonymous");
        assertThat(entry.path("clientAddress").asString()).isEqualTo("127.0.0.1");
        assertThat(entry.path("summary").asString()).isEqualTo("sign-in with a password refused: wrong password");
        assertThat(everythingStored()).doesNotContain(wrongPassword);
    }

    @Test
    void aNameThatMatchesNoAccount_isRecordedAsUnknown_andTheNameIsKeptNowhere() {
        // people type their password into the username field: such a name must not be kept
        var typedPassword = "Correct-Horse-Battery-Staple-42";
        assertThat(platform.as(typedPassword, "whatever").get("/api/machines").status()).isEqualTo(401);

        var entry = awaitEntry("SignInFailed", "unknown account", "no such account");

        assertThat(entry.path("summary").asString()).isEqualTo("sign-in with a password refused: no such account");
        assertThat(everythingStored()).doesNotContain(typedPassword);
    }

    @Test
    void anInvalidBearerToken_isRecorded_withoutTheToken() {
        var guess = "hm_audit-guess-AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA";
        assertThat(TokenClient.bearer(platform, guess).get("/api/machines").status()).isEqualTo(401);

        var entry = awaitEntry("SignInFailed", "unknown account", "unknown, revoked or expired token");

        assertThat(entry.path("channel").asString()).isEqualTo("api");
        assertThat(everythingStored()).doesNotContain(guess).doesNotContain("audit-guess");
    }

    @Test
    void aPortalSignIn_isRecordedWithTheUiChannel_andAFailedOneToo() throws Exception {
        assertThat(formLogin("grace", "grace-portal-typo")).contains("/login?error");
        assertThat(formLogin("grace", PASSWORD)).doesNotContain("error");

        var signedIn = awaitEntry("UserSignedIn", "grace", "signed in with a password");
        assertThat(signedIn.path("channel").asString()).isEqualTo("ui");
        assertThat(signedIn.path("actorId").asString()).isEqualTo(graceId);
        assertThat(signedIn.path("actorName").asString()).isEqualTo("grace");
        // the refusal came first, so it is projected by the time the sign-in is
        assertThat(entries("SignInFailed")).anySatisfy(e -> {
            assertThat(e.path("subject").asString()).isEqualTo("grace");
            assertThat(e.path("channel").asString()).isEqualTo("ui");
        });
        assertThat(everythingStored()).doesNotContain("grace-portal-typo");
    }

    @Test
    void onlyPlatformAdminsReadThePlatformLog_andItExportsAsCsv() {
        var grace = platform.as("grace", PASSWORD);
        var forbidden = grace.get("/api/admin/audit");
        assertThat(forbidden.status()).isEqualTo(403);
        assertThat(grace.get("/api/admin/audit/export?format=csv").status()).isEqualTo(403);

        assertThat(platform.as("grace", "another-wrong-one").get("/api/machines").status()).isEqualTo(401);
        awaitEntry("SignInFailed", "grace", "wrong password");
        var csv = platform.admin().get("/api/admin/audit/export?format=csv&action=SignInFailed");
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.contentType()).startsWith("text/csv");
        assertThat(csv.body()).contains("SignInFailed").contains("grace").doesNotContain("another-wrong-one");
        assertThat(csv.body()).doesNotContain("UserRegistered");
    }

    /** Waits for a platform audit entry with that action, subject and summary fragment. */
    private static JsonNode awaitEntry(String action, String subject, String summaryPart) {
        var deadline = System.nanoTime() + 20_000_000_000L;
        while (System.nanoTime() < deadline) {
            for (var entry : entries(action)) {
                if (entry.path("subject").asString().equals(subject)
                        && entry.path("summary").asString().contains(summaryPart)) {
                    return entry;
                }
            }
            sleep();
        }
        throw new AssertionError("No " + action + " entry for " + subject + " containing '" + summaryPart
                + "'; entries: " + entries(action));
    }

    private static List<JsonNode> entries(String action) {
        var page = platform.admin().get("/api/admin/audit?size=200&action=" + action);
        assertThat(page.status()).isEqualTo(200);
        var items = new ArrayList<JsonNode>();
        page.json().path("items").forEach(items::add);
        return items;
    }

    private static long storedFailures() {
        return platform.jdbc().sql("SELECT count(*) FROM domain_event_entry WHERE payload_type LIKE '%.SignInFailed'")
                .query(Long.class).single();
    }

    /** The event store's payloads and metadata and every audit row, as text. */
    private static String everythingStored() {
        var events = platform.jdbc().sql("SELECT convert_from(payload, 'UTF8') || convert_from(meta_data, 'UTF8') "
                + "FROM domain_event_entry").query(String.class).list();
        var audit = platform.jdbc().sql("SELECT concat_ws('|', subject, summary, actor_id, actor_name, channel, "
                + "client_address) FROM rm_audit_entry").query(String.class).list();
        return String.join("\n", events) + "\n" + String.join("\n", audit);
    }

    /** Posts the portal's login form the way the browser does; answers where it redirects to. */
    private static String formLogin(String username, String password) throws Exception {
        var response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(platform.baseUrl() + "/login"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString("username=" + username + "&password=" + password))
                        .build(),
                HttpResponse.BodyHandlers.discarding());
        assertThat(response.statusCode()).as("login form answer").isEqualTo(302);
        return response.headers().firstValue("Location").orElse("");
    }

    private static void sleep() {
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
