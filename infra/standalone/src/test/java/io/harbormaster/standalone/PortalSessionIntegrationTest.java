package io.harbormaster.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * Session fixation: the session a visitor had before signing in to the portal is not the one they have after, so a
 * session id planted by an attacker before the sign-in is worthless afterwards.
 */
class PortalSessionIntegrationTest {

    @Test
    void signingInToThePortalGivesANewSessionId() throws Exception {
        try (var platform = RunningPlatform.startOnFreshDatabase()) {
            var cookies = new CookieManager();
            var http = HttpClient.newBuilder().cookieHandler(cookies).followRedirects(HttpClient.Redirect.NEVER).build();
            var base = platform.baseUrl();

            http.send(HttpRequest.newBuilder(URI.create(base + "/login")).build(), HttpResponse.BodyHandlers.discarding());
            var before = sessionId(cookies);
            assertThat(before).as("the login page starts a session").isNotNull();

            var form = "username=admin&password=" + URLEncoder.encode(RunningPlatform.ADMIN_PASSWORD, StandardCharsets.UTF_8);
            var signIn = http.send(HttpRequest.newBuilder(URI.create(base + "/login"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.discarding());
            assertThat(signIn.statusCode()).isEqualTo(302);
            assertThat(signIn.headers().firstValue("Location").orElse("")).doesNotContain("error");

            var after = sessionId(cookies);
            assertThat(after).isNotNull().isNotEqualTo(before);
        }
    }

    private static String sessionId(CookieManager cookies) {
        return cookies.getCookieStore().getCookies().stream()
                .filter(cookie -> cookie.getName().equals("JSESSIONID"))
                .map(HttpCookie::getValue).findFirst().orElse(null);
    }
}
