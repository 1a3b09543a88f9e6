package io.harbormaster.standalone.oidc;

import io.harbormaster.standalone.HeadlessChromium;
import static org.assertj.core.api.Assertions.assertThat;

import io.harbormaster.api.audit.ActingContext;
import io.harbormaster.api.audit.CurrentActingContext;
import io.harbormaster.api.team.CreateTeamCommand;
import io.harbormaster.api.team.TeamId;
import io.harbormaster.api.team.TeamName;
import io.harbormaster.api.user.UserId;
import io.harbormaster.standalone.HarbormasterApplication;
import io.harbormaster.testing.TestPostgres;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * OIDC sign-in end to end: a real provider (Spring Authorization Server, {@link TestOidcProvider}), the whole platform
 * with {@code harbormaster.oidc.*} pointing at it, and Debian's Chromium clicking "Sign in with ..." and filling in
 * the provider's login form (the real authorization-code flow). Skipped, visibly, without Chromium.
 */
@ExtendWith(OutputCaptureExtension.class)
class OidcSignInBrowserTest {

    private static final String REGISTRATION = "test-idp";

    private static TestOidcProvider provider;
    private static ConfigurableApplicationContext platform;
    private static String baseUrl;
    private static WebDriver browser;
    private static TeamId platformTeam;
    private static TeamId otherTeam;

    @BeforeAll
    static void start() throws IOException {
        HeadlessChromium.assumeInstalled();
        int port;
        try (var socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        baseUrl = "http://127.0.0.1:" + port;
        provider = TestOidcProvider.start(Map.of(
                "alice", Map.of("preferred_username", "Alice", "name", "Alice Example",
                        "groups", List.of("platform", "no-such-team")),
                "mallory", Map.of("preferred_username", "not valid!", "groups", List.of("platform")),
                "imposter", Map.of("preferred_username", "admin", "groups", List.of("platform"))),
                baseUrl + "/login/oauth2/code/" + REGISTRATION);

        var database = TestPostgres.freshDatabase();
        var prefix = "--spring.security.oauth2.client.";
        platform = new SpringApplicationBuilder(HarbormasterApplication.class).run(
                "--spring.datasource.url=" + database.url(),
                "--spring.datasource.username=" + database.user(),
                "--spring.datasource.password=" + database.password(),
                "--server.port=" + port,
                "--harbormaster.home=" + System.getProperty("java.io.tmpdir") + "/hm-test-home",
                "--spring.main.banner-mode=off",
                "--harbormaster.oidc.enabled=true",
                prefix + "registration." + REGISTRATION + ".client-id=" + TestOidcProvider.CLIENT_ID,
                prefix + "registration." + REGISTRATION + ".client-secret=" + TestOidcProvider.CLIENT_SECRET,
                prefix + "registration." + REGISTRATION + ".client-name=Test IdP",
                prefix + "registration." + REGISTRATION + ".scope=openid,profile",
                prefix + "provider." + REGISTRATION + ".issuer-uri=" + provider.issuer());

        var admin = UserId.of(jdbc().sql("SELECT user_id::text FROM sec_account WHERE username = 'admin'")
                .query(String.class).single());
        platformTeam = TeamId.random();
        otherTeam = TeamId.random();
        var commands = platform.getBean(CommandGateway.class);
        CurrentActingContext.runAs(ActingContext.system(), () -> {
            commands.sendAndWait(new CreateTeamCommand(platformTeam, TeamName.of("platform"), admin));
            commands.sendAndWait(new CreateTeamCommand(otherTeam, TeamName.of("other"), admin));
        });

        browser = HeadlessChromium.start();
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.quit();
        }
        if (platform != null) {
            platform.close();
        }
        if (provider != null) {
            provider.close();
        }
    }

    @Test
    void signingInWithTheProviderRegistersTheUserAndJoinsMatchingTeams(CapturedOutput output) {
        // First sign-in: the provider's login form, then the portal's machines.
        signInWithProvider("alice");
        awaitMachinesView();
        var alice = jdbc().sql("SELECT user_id::text FROM sec_account WHERE username = 'alice'")
                .query(String.class).single();
        assertThat(events("UserRegistered", "alice")).hasSize(1);
        assertThat(events("UserRegistered", "alice").getFirst().metadata())
                .contains("\"channel\":\"ui\"").contains("\"actorId\":\"" + alice + "\"").contains("\"actorName\":\"alice\"");
        var joined = events("MemberAdded", alice);
        assertThat(joined).hasSize(1);
        assertThat(joined.getFirst().payload()).contains(platformTeam.value()).contains("MEMBER");
        // Memberships from the groups claim are the platform's doing (a user may not add themselves to a team), on
        // channel ui, under the sign-in's correlation id.
        var correlation = events("UserRegistered", "alice").getFirst().metadata()
                .replaceAll(".*\"correlationId\":\"([^\"]+)\".*", "$1");
        assertThat(joined.getFirst().metadata()).contains("\"channel\":\"ui\"").contains("\"actorId\":\"system\"")
                .contains("\"correlationId\":\"" + correlation + "\"");
        assertThat(events("MemberAdded", otherTeam.value())).hasSize(1); // only its owner: no-such-team is ignored
        // The sign-in itself is in the audit trail, as an OIDC sign-in through the portal.
        assertThat(events("UserSignedIn", alice)).singleElement().satisfies(signIn -> {
            assertThat(signIn.payload()).contains("\"method\":\"OIDC\"").contains("\"username\":\"alice\"");
            assertThat(signIn.metadata()).contains("\"channel\":\"ui\"").contains("\"actorId\":\"" + alice + "\"");
        });
        assertThat(jdbc().sql("SELECT count(*) FROM cmd_teams").query(Long.class).single()).isEqualTo(3);

        // Second sign-in (a new portal session; the provider remembers alice): no second registration or membership.
        clearCookies(baseUrl + "/login");
        signInWithProvider("alice");
        awaitMachinesView();
        assertThat(events("UserRegistered", "alice")).hasSize(1);
        assertThat(events("MemberAdded", alice)).hasSize(1);
        assertThat(jdbc().sql("SELECT count(*) FROM sec_oidc_identity").query(Long.class).single()).isEqualTo(1);

        // A username claim that is not a valid username: refused with the reason, nothing registered.
        clearCookies(provider.issuer() + "/login");
        clearCookies(baseUrl + "/login");
        signInWithProvider("mallory");
        assertThat(refusal()).contains("'not valid!'").contains("not a valid Harbormaster username");
        assertThat(events("SignInFailed", "PROVIDER_REFUSED")).singleElement()
                .satisfies(refused -> assertThat(refused.payload()).contains("\"method\":\"OIDC\"")
                        .doesNotContain("not valid!"));

        // A username that already belongs to a local account: refused, the local account is not taken over.
        clearCookies(provider.issuer() + "/login");
        clearCookies(baseUrl + "/login");
        signInWithProvider("imposter");
        assertThat(refusal()).contains("'admin' already belongs to another Harbormaster account");
        assertThat(jdbc().sql("SELECT count(*) FROM sec_oidc_identity").query(Long.class).single()).isEqualTo(1);
        assertThat(jdbc().sql("SELECT count(*) FROM domain_event_entry WHERE payload_type LIKE '%UserRegistered'")
                .query(Long.class).single()).isEqualTo(2); // admin and alice

        // No token of the provider anywhere: events, tables, log.
        var tokens = provider.issuedTokens();
        assertThat(tokens).hasSizeGreaterThanOrEqualTo(6); // access, refresh and ID token of each successful flow
        var tables = jdbc().sql("SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema() "
                + "AND table_type = 'BASE TABLE'").query(String.class).list();
        for (var token : tokens) {
            var hex = HexFormat.of().formatHex(token.getBytes(StandardCharsets.UTF_8));
            for (var table : tables) {
                assertThat(jdbc().sql("SELECT count(*) FROM " + table + " t WHERE strpos(t::text, :token) > 0 "
                                + "OR strpos(t::text, :hex) > 0").param("token", token).param("hex", hex)
                        .query(Long.class).single()).as("a token in table %s", table).isZero();
            }
            assertThat(output.getAll()).doesNotContain(token);
        }
        assertThat(output.getAll()).contains("Registered user 'alice' on first OIDC sign-in");
    }

    private static void signInWithProvider(String user) {
        var wait = new WebDriverWait(browser, Duration.ofSeconds(90)).withMessage(OidcSignInBrowserTest::where);
        browser.get(baseUrl + "/");
        wait.until(d -> d.getCurrentUrl().contains("/login")
                && !d.findElements(By.id("sign-in-with-" + REGISTRATION)).isEmpty());
        assertThat(browser.findElement(By.id("sign-in-with-" + REGISTRATION)).getText()).isEqualTo("Sign in with Test IdP");
        browser.findElement(By.id("sign-in-with-" + REGISTRATION)).click();
        wait.until(d -> d.getCurrentUrl().startsWith(provider.issuer() + "/login")
                || d.getCurrentUrl().startsWith(baseUrl));
        if (browser.getCurrentUrl().startsWith(provider.issuer() + "/login")) {
            wait.until(d -> !d.findElements(By.id("username")).isEmpty());
            browser.findElement(By.id("username")).sendKeys(user);
            browser.findElement(By.id("password")).sendKeys(TestOidcProvider.PASSWORD);
            browser.findElement(By.cssSelector("button[type='submit']")).click();
        }
        wait.until(d -> d.getCurrentUrl().startsWith(baseUrl) && !d.getCurrentUrl().contains("/login/oauth2/"));
    }

    private static void awaitMachinesView() {
        new WebDriverWait(browser, Duration.ofSeconds(90)).withMessage(OidcSignInBrowserTest::where).until(d -> !d.findElements(By.id("machines-grid")).isEmpty());
        assertThat(browser.getPageSource()).doesNotContain(TestOidcProvider.CLIENT_SECRET);
    }

    private static String where() {
        return "at " + browser.getCurrentUrl() + ": " + ((JavascriptExecutor) browser).executeScript(
                "return document.body ? document.body.innerText : ''");
    }

    private static String refusal() {
        var wait = new WebDriverWait(browser, Duration.ofSeconds(90)).withMessage(OidcSignInBrowserTest::where);
        wait.until(d -> d.getCurrentUrl().contains("/login?error")
                && !d.findElements(By.id("oidc-error")).isEmpty() && d.findElement(By.id("oidc-error")).isDisplayed());
        return String.valueOf(((JavascriptExecutor) browser).executeScript(
                "return document.getElementById('oidc-error').innerText"));
    }

    private static void clearCookies(String url) {
        browser.get(url);
        browser.manage().deleteAllCookies();
    }

    private static JdbcClient jdbc() {
        return platform.getBean(JdbcClient.class);
    }

    private record StoredEvent(String payload, String metadata) {
    }

    private static List<StoredEvent> events(String type, String payloadContains) {
        return jdbc().sql("""
                        SELECT convert_from(payload, 'UTF8'), convert_from(meta_data, 'UTF8') FROM domain_event_entry
                        WHERE payload_type LIKE :type AND strpos(convert_from(payload, 'UTF8'), :text) > 0
                        ORDER BY global_index""")
                .param("type", "%." + type).param("text", payloadContains)
                .query((rs, row) -> new StoredEvent(rs.getString(1), rs.getString(2).replace(" ", ""))).list();
    }
}
