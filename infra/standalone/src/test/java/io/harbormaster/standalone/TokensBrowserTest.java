package io.harbormaster.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The portal's API tokens view in a real browser (headless Chromium): a signed-in user reaches it from the menu,
 * creates a token for a workstation, sees the {@code hm login} line with the token once, and that token then signs
 * in to the API ({@code GET /api/me}) as that user; the list shows the token and revokes it. Skipped, visibly, where
 * Chromium and its driver are not installed.
 */
class TokensBrowserTest {

    private static final String PASSWORD = "tokens-browser-password";
    private static RunningPlatform platform;
    private static WebDriver browser;

    @BeforeAll
    static void start() {
        HeadlessChromium.assumeInstalled();
        platform = RunningPlatform.startOnFreshDatabase();
        var admin = platform.admin();
        var id = admin.post("/api/users", "{\"username\":\"tess\",\"displayName\":\"Tess Token\"}").text("userId");
        assertThat(admin.put("/api/users/" + id + "/password", "{\"password\":\"" + PASSWORD + "\"}").status())
                .isEqualTo(204);
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
    }

    @Test
    void aSignedInUserCreatesAWorkstationToken_seesTheLoginLineOnce_andTheTokenSignsInAsThem() throws Exception {
        var wait = new WebDriverWait(browser, Duration.ofSeconds(90));
        browser.get(platform.baseUrl() + "/");
        wait.until(d -> d.getCurrentUrl().contains("/login")
                && !d.findElements(By.cssSelector("input[name='username']")).isEmpty());
        browser.findElement(By.cssSelector("input[name='username']")).sendKeys("tess");
        browser.findElement(By.cssSelector("input[name='password']")).sendKeys(PASSWORD);
        browser.findElement(By.cssSelector("vaadin-button[slot='submit'], vaadin-login-form vaadin-button")).click();
        wait.until(d -> !d.findElements(By.id("menu-tokens")).isEmpty());

        browser.findElement(By.id("menu-tokens")).click();
        wait.until(d -> !d.findElements(By.id("create-token")).isEmpty());
        assertThat(value("token-name")).isEqualTo("workstation");
        browser.findElement(By.id("create-token")).click();
        wait.until(d -> value("login-line").startsWith("hm login "));
        wait.until(d -> text("tokens-grid").contains("workstation"));
        screenshot("portal-tokens.png");

        var line = value("login-line");
        assertThat(line).matches("hm login http://127\\.0\\.0\\.1:\\d+ --token hm_\\S+");
        assertThat(line).startsWith("hm login " + platform.baseUrl() + " --token ");
        var token = line.substring(line.indexOf("--token ") + 8);
        var me = TokenClient.bearer(platform, token).get("/api/me");
        assertThat(me.status()).isEqualTo(200);
        assertThat(me.text("username")).isEqualTo("tess");
        assertThat(me.text("authenticatedBy")).isEqualTo("token");
        assertThat(me.json().path("token").path("name").asString()).isEqualTo("workstation");

        // the list never holds the secret; revoking there refuses the token at once
        assertThat(text("tokens-grid")).doesNotContain(token);
        var tokenId = me.json().path("token").path("tokenId").asString();
        browser.findElement(By.id("revoke-" + tokenId)).click();
        wait.until(d -> text("tokens-grid").contains("revoked"));
        assertThat(TokenClient.bearer(platform, token).get("/api/me").status()).isEqualTo(401);
        var issued = platform.jdbc().sql("""
                        SELECT convert_from(meta_data, 'UTF8') FROM domain_event_entry
                        WHERE payload_type LIKE '%ApiTokenIssued'""").query(String.class).single();
        assertThat(issued).contains("\"actorName\":\"tess\"", "\"channel\":\"ui\"");
    }

    private static String value(String id) {
        return String.valueOf(((JavascriptExecutor) browser).executeScript(
                "const e = document.getElementById(arguments[0]); return e ? e.value : ''", id));
    }

    private static String text(String id) {
        return String.valueOf(((JavascriptExecutor) browser).executeScript(
                "const e = document.getElementById(arguments[0]); return e ? e.innerText : ''", id));
    }

    private static void screenshot(String name) throws Exception {
        var png = ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES);
        var target = Path.of("target", "screenshots");
        Files.createDirectories(target);
        Files.write(target.resolve(name), png);
    }
}
