package io.harbormaster.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Brute force gains nothing: after five failed sign-ins from one address (wrong tokens; wrong passwords for one
 * user) the API answers 429 with Retry-After, even to the right credentials. All calls come from 127.0.0.1, so
 * together they must stay under the address-wide limit (20 failures).
 */
class SignInBackOffIntegrationTest {

    private static final String PASSWORD = "linus-password-for-back-off";
    private static RunningPlatform platform;

    @BeforeAll
    static void start() {
        platform = RunningPlatform.startOnFreshDatabase();
        var admin = platform.admin();
        var linus = admin.post("/api/users", """
                {"username":"linus","displayName":"Linus","platformAdmin":false}""").text("userId");
        assertThat(admin.put("/api/users/" + linus + "/password", """
                {"password":"%s"}""".formatted(PASSWORD)).status()).isEqualTo(204);
    }

    @AfterAll
    static void stop() {
        platform.close();
    }

    @Test
    void fiveWrongTokensThenAValidOne_isRefusedWith429AndRetryAfter() {
        var valid = TokenClient.basic(platform, "admin", RunningPlatform.ADMIN_PASSWORD)
                .post("/api/tokens", "{\"name\":\"back-off\",\"expiresInDays\":1}").text("token");
        for (var i = 0; i < 5; i++) {
            var wrong = TokenClient.bearer(platform, "hm_guess-" + i + "-AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")
                    .get("/api/machines");
            assertThat(wrong.status()).as("guess %d", i).isEqualTo(401);
        }
        var locked = TokenClient.bearer(platform, valid).get("/api/machines");
        assertThat(locked.status()).isEqualTo(429);
        assertThat(locked.contentType()).startsWith("application/problem+json");
        assertThat(locked.text("type")).endsWith("/too-many-sign-in-failures");
        assertThat(Long.parseLong(locked.retryAfter())).isBetween(800L, 900L);
        assertThat(locked.body()).doesNotContain(valid);
        // Passwords are counted apart: the admin still signs in with Basic from the same address.
        assertThat(TokenClient.basic(platform, "admin", RunningPlatform.ADMIN_PASSWORD).get("/api/machines").status())
                .isEqualTo(200);
    }

    @Test
    void fiveWrongPasswordsForAUser_thenEvenTheRightOneIsRefusedWith429() {
        var right = TokenClient.basic(platform, "linus", PASSWORD);
        var wrong = TokenClient.basic(platform, "linus", "not-the-password");
        // Four failures, then a success: the success forgives them (and shows each failure is counted once).
        for (var i = 0; i < 4; i++) {
            assertThat(wrong.get("/api/machines").status()).isEqualTo(401);
        }
        assertThat(right.get("/api/machines").status()).isEqualTo(200);
        for (var i = 0; i < 5; i++) {
            assertThat(wrong.get("/api/machines").status()).as("attempt %d", i).isEqualTo(401);
        }
        var locked = right.get("/api/machines");
        assertThat(locked.status()).isEqualTo(429);
        assertThat(Long.parseLong(locked.retryAfter())).isBetween(800L, 900L);
        assertThat(wrong.get("/api/machines").status()).isEqualTo(429);
        // Another user from the same address is not locked out by linus's failures.
        assertThat(TokenClient.basic(platform, "admin", RunningPlatform.ADMIN_PASSWORD).get("/api/machines").status())
                .isEqualTo(200);
    }

    @Test
    void portalFormFailuresCountToo_andTheLockHoldsInThePortalAndTheApi() throws Exception {
        var admin = platform.admin();
        var id = admin.post("/api/users", """
                {"username":"margaret","displayName":"Margaret","platformAdmin":false}""").text("userId");
        var password = "margaret-password-for-back-off";
        assertThat(admin.put("/api/users/" + id + "/password", """
                {"password":"%s"}""".formatted(password)).status()).isEqualTo(204);
        assertThat(formLogin("margaret", password)).doesNotContain("error");
        for (var i = 0; i < 5; i++) {
            assertThat(formLogin("margaret", "wrong-" + i)).as("attempt %d", i).contains("/login?error");
        }
        assertThat(formLogin("margaret", password)).contains("/login?error");
        var api = TokenClient.basic(platform, "margaret", password).get("/api/machines");
        assertThat(api.status()).isEqualTo(429);
    }

    /** Posts the portal's login form the way the browser does; answers where it redirects to. */
    private static String formLogin(String username, String password) throws Exception {
        var http = java.net.http.HttpClient.newHttpClient();
        var form = "username=" + username + "&password=" + password;
        var response = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(platform.baseUrl() + "/login"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(java.net.http.HttpRequest.BodyPublishers.ofString(form)).build(),
                java.net.http.HttpResponse.BodyHandlers.discarding());
        assertThat(response.statusCode()).as("login form answer").isEqualTo(302);
        return response.headers().firstValue("Location").orElse("");
    }
}
