package io.harbormaster.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The portal in a real browser (Debian's Chromium, headless): signing in leads to the team's machines, read from
 * the machine list projection. Skipped, visibly, where Chromium and its driver are not installed.
 */
class PortalBrowserTest {

    private static RunningPlatform platform;
    private static WebDriver browser;

    @BeforeAll
    static void start() {
        HeadlessChromium.assumeInstalled();
        platform = RunningPlatform.startOnFreshDatabase();
        var admin = platform.admin();
        var team = MachineLifecycleIntegrationTest.defaultTeamId(admin);
        var id = admin.post("/api/machines", BadInputIntegrationTest.machine(team, "portal-web-1", "none", "tcp://10.213.0.60:2376"))
                .text("machineId");
        ApiClient.await(() -> admin.get("/api/machines/" + id), r -> "Running".equals(r.text("state")));

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
    void signingInShowsTheTeamsMachines() throws Exception {
        var wait = new WebDriverWait(browser, Duration.ofSeconds(90));
        browser.get(platform.baseUrl() + "/");
        wait.until(d -> d.getCurrentUrl().contains("/login") && !d.findElements(By.cssSelector("input[name='username']")).isEmpty());

        browser.findElement(By.cssSelector("input[name='username']")).sendKeys("admin");
        browser.findElement(By.cssSelector("input[name='password']")).sendKeys(RunningPlatform.ADMIN_PASSWORD);
        browser.findElement(By.cssSelector("vaadin-button[slot='submit'], vaadin-login-form vaadin-button")).click();

        wait.until(d -> !d.findElements(By.id("machines-grid")).isEmpty());
        wait.until(d -> d.findElement(By.id("machines-grid")).getText().contains("portal-web-1")
                || String.valueOf(((org.openqa.selenium.JavascriptExecutor) d).executeScript(
                        "const g = document.getElementById('machines-grid'); return g ? g.innerText : ''")).contains("portal-web-1"));
        screenshot("portal-machines.png");
        var text = String.valueOf(((org.openqa.selenium.JavascriptExecutor) browser).executeScript(
                "return document.getElementById('machines-grid').innerText"));
        assertThat(text).contains("portal-web-1").contains("Running").contains("none");
        assertThat(browser.getPageSource()).doesNotContain(RunningPlatform.ADMIN_PASSWORD);
    }

    private static void screenshot(String name) throws Exception {
        var png = ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES);
        var target = Path.of("target", "screenshots");
        Files.createDirectories(target);
        Files.write(target.resolve(name), png);
    }
}
