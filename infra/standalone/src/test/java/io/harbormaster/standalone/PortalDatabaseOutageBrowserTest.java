package io.harbormaster.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import io.harbormaster.testing.TestPostgres;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The portal in a real browser while its real PostgreSQL is stopped: a signed-in page load and a sign-in attempt
 * both say the database is unavailable (not "wrong username or password", no stack trace, no empty 403), and once
 * the database is back the same person signs in and sees the machines.
 */
class PortalDatabaseOutageBrowserTest {

    private static final String MESSAGE = "The database is unavailable right now";

    @Test
    void whileTheDatabaseIsDownThePortalSaysSoAndSignInWorksWhenItIsBack(@TempDir Path data) throws Exception {
        HeadlessChromium.assumeInstalled();
        var postgres = EmbeddedPostgres.builder().setDataDirectory(data).setCleanDataDirectory(false).start();
        int port = postgres.getPort();
        var database = new TestPostgres.Database(postgres.getJdbcUrl("postgres", "postgres"), "postgres", "postgres",
                "embedded PostgreSQL the test stops");
        WebDriver browser = null;
        try (var platform = RunningPlatform.startOn(database)) {
            var admin = platform.admin();
            var team = MachineLifecycleIntegrationTest.defaultTeamId(admin);
            var id = admin.post("/api/machines", BadInputIntegrationTest.machine(team, "portal-outage-1", "none",
                    "tcp://10.213.0.61:2376")).text("machineId");
            ApiClient.await(() -> admin.get("/api/machines/" + id), r -> "Running".equals(r.text("state")));
            browser = HeadlessChromium.start();
            var wait = new WebDriverWait(browser, Duration.ofSeconds(90));
            signIn(browser, wait, platform);
            wait.until(d -> gridText(d).contains("portal-outage-1"));

            postgres.close();
            browser.navigate().refresh();
            wait.until(d -> !d.findElements(By.id("database-unavailable")).isEmpty());
            assertThat(text(browser, "database-unavailable")).contains(MESSAGE, "try again in a moment");
            wait.until(d -> gridText(d).contains(MESSAGE));
            assertThat(gridText(browser)).as("not an empty list").doesNotContain("No machines yet");
            screenshot(browser, "portal-database-unavailable-machines.png");

            browser.manage().deleteAllCookies();
            signIn(browser, wait, platform);
            wait.until(d -> !d.findElements(By.id("database-unavailable")).isEmpty()
                    && d.findElement(By.id("database-unavailable")).isDisplayed());
            assertThat(text(browser, "database-unavailable")).contains(MESSAGE, "Harbormaster retries by itself");
            assertThat(String.valueOf(((JavascriptExecutor) browser).executeScript(
                    "return document.getElementById('login-form').error")))
                    .as("not 'wrong username or password'").isEqualTo("false");
            assertThat(browser.getPageSource()).doesNotContain("Exception", "at io.", "at org.");
            screenshot(browser, "portal-database-unavailable-sign-in.png");

            postgres = EmbeddedPostgres.builder().setDataDirectory(data).setCleanDataDirectory(false).setPort(port).start();
            ApiClient.await(() -> admin.get("/api/machines/" + id), r -> r.status() == 200);
            browser.manage().deleteAllCookies();
            signIn(browser, wait, platform);
            wait.until(d -> gridText(d).contains("portal-outage-1"));
            assertThat(browser.findElements(By.id("database-unavailable"))).isEmpty();
        } finally {
            if (browser != null) {
                browser.quit();
            }
            postgres.close();
        }
    }

    private static void signIn(WebDriver browser, WebDriverWait wait, RunningPlatform platform) {
        browser.get(platform.baseUrl() + "/login");
        wait.until(d -> !d.findElements(By.cssSelector("input[name='username']")).isEmpty());
        browser.findElement(By.cssSelector("input[name='username']")).sendKeys("admin");
        browser.findElement(By.cssSelector("input[name='password']")).sendKeys(RunningPlatform.ADMIN_PASSWORD);
        browser.findElement(By.cssSelector("vaadin-button[slot='submit'], vaadin-login-form vaadin-button")).click();
    }

    private static String gridText(WebDriver browser) {
        return String.valueOf(((JavascriptExecutor) browser).executeScript(
                "const g = document.getElementById('machines-grid'); return g ? g.innerText : ''"));
    }

    private static String text(WebDriver browser, String id) {
        return String.valueOf(((JavascriptExecutor) browser).executeScript(
                "const e = document.getElementById(arguments[0]); return e ? (e.innerText || e.textContent) : ''", id));
    }

    private static void screenshot(WebDriver browser, String name) throws Exception {
        var target = Path.of("target", "screenshots");
        Files.createDirectories(target);
        Files.write(target.resolve(name), ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
    }
}
