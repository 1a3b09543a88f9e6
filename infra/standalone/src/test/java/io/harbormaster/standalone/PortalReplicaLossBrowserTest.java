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
 * The portal's sessions are sticky (HAProxy's {@code HMNODE} cookie keeps a browser on the replica that holds its
 * Vaadin UI and sign-in): when that replica dies, the browser's next request goes to a survivor, which does not know
 * the session. This is what the user then goes through, in Debian's Chromium, through the deployment's HAProxy, in
 * front of two replica processes: Vaadin's notice that the session ended, the sign-in page saying why and where it
 * leads back to, and after signing in the page they were on, with everything on it, what they saved on the dead
 * replica included (it all lives in the shared database and event store). Skipped, visibly, where Chromium is not
 * installed.
 */
class PortalReplicaLossBrowserTest {

    private static final String MACHINE = "session-survivor";

    private static ReplicaCluster cluster;
    private static WebDriver browser;
    private static String machineId;

    @BeforeAll
    static void start() {
        HeadlessChromium.assumeInstalled();
        cluster = ReplicaCluster.start(2);
        var admin = cluster.admin();
        var team = MachineLifecycleIntegrationTest.defaultTeamId(admin);
        machineId = admin.post("/api/machines", BadInputIntegrationTest.machine(team, MACHINE, "none",
                "tcp://10.213.0.86:2376")).text("machineId");
        ApiClient.await(() -> admin.get("/api/machines/" + machineId), r -> "Running".equals(r.text("state")));
        browser = HeadlessChromium.start();
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.quit();
        }
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    void theReplicaServingABrowserDies_theUserSignsInAgainOnASurvivor_andIsBackOnTheMachinesPage() throws Exception {
        var wait = new WebDriverWait(browser, Duration.ofSeconds(60));
        browser.get(cluster.balancer().url() + "/machines/" + machineId);
        signIn(wait);
        wait.until(d -> onMachinePage() && text("machine-heading").contains(MACHINE));
        // something the user saves on the replica that is about to die
        browser.findElement(By.id("action-stop")).click();
        wait.until(d -> text("machine-heading").contains("Stopped") && !d.findElements(By.id("action-start")).isEmpty());
        screenshot("replica-loss-1-machine-page.png");

        var serving = servingReplica();
        var survivor = cluster.replicas().stream().filter(replica -> replica != serving).findFirst().orElseThrow();
        serving.kill();
        cluster.balancer().awaitServer(serving.name(), "DOWN", Duration.ofSeconds(20));
        // the page as it is while the user has not yet touched it (the push connection to the dead replica is gone)
        ReplicaProcess.pause(3_000);
        screenshot("replica-loss-2-replica-killed.png");

        // the user goes on where they were: a click that needs the server, which now is the survivor
        browser.findElement(By.id("action-start")).click();
        try {
            wait.until(d -> !d.findElements(By.cssSelector(".v-system-error")).isEmpty());
        } finally {
            screenshot("replica-loss-3-session-ended-notice.png");
        }
        assertThat(browser.findElement(By.cssSelector(".v-system-error")).getText())
                .contains("Your session ended").contains("Copy anything you typed");
        assertThat(onMachinePage()).as("the notice leaves the page, and what was typed on it, in view").isTrue();

        browser.findElement(By.cssSelector(".v-system-error")).click();
        try {
            wait.until(d -> d.getCurrentUrl().contains("/login")
                    && !d.findElements(By.cssSelector("input[name='username']")).isEmpty());
            wait.until(d -> !text("session-ended").isEmpty());
        } finally {
            screenshot("replica-loss-4-sign-in-page.png");
        }
        assertThat(text("session-ended")).as("the sign-in page says why the user is there and where they go back to")
                .contains("Your session ended").contains("/machines/" + machineId).doesNotContain("continue");
        assertThat(cookie("HMNODE")).as("HAProxy moved the browser to the survivor")
                .isEqualTo(affinityCookieOf(survivor));

        signIn(wait);
        wait.until(d -> onMachinePage() && text("machine-heading").contains(MACHINE));
        wait.until(d -> text("machine-facts").contains("tcp://10.213.0.86:2376"));
        screenshot("replica-loss-5-back-on-the-machine-page.png");
        assertThat(browser.getTitle()).isEqualTo(MACHINE + " · Machines");
        assertThat(text("machine-heading")).as("what the user saved on the dead replica").contains("Stopped");
        assertThat(text("machine-history")).contains("top");
        // the click the survivor answered with "session ended" was not carried out: the user does it again
        assertThat(cluster.admin().get("/api/machines/" + machineId).text("state")).isEqualTo("Stopped");
        assertThat(text("machine-actions")).contains("Start");
        assertThat(cookie("HMNODE")).isEqualTo(affinityCookieOf(survivor));
        assertThat(browser.findElements(By.id("session-ended"))).isEmpty();

        // signing out is not an ended session: the login page after it says nothing of one
        browser.findElement(By.id("logout")).click();
        wait.until(d -> d.getCurrentUrl().contains("/login")
                && !d.findElements(By.cssSelector("input[name='username']")).isEmpty());
        screenshot("replica-loss-6-signed-out.png");
        assertThat(text("session-ended")).isEmpty();
    }

    /**
     * Whether the browser shows the machine's page; Spring Security's request cache brings it back with a
     * {@code ?continue} marker, which is the same page.
     */
    private static boolean onMachinePage() {
        return java.net.URI.create(browser.getCurrentUrl()).getPath().equals("/machines/" + machineId);
    }

    /** The replica the browser's affinity cookie names: hm1 is harbormaster-1 (deploy/compose/haproxy.cfg). */
    private static ReplicaProcess servingReplica() {
        var value = cookie("HMNODE");
        assertThat(value).as("HAProxy's affinity cookie").matches("hm[12]");
        return cluster.replica(Integer.parseInt(value.substring(2)));
    }

    private static String affinityCookieOf(ReplicaProcess replica) {
        return "hm" + replica.name().substring(replica.name().lastIndexOf('-') + 1);
    }

    private static String cookie(String name) {
        var cookie = browser.manage().getCookieNamed(name);
        return cookie == null ? null : cookie.getValue();
    }

    /** Signs in on the sign-in page the portal sent the browser to. */
    private static void signIn(WebDriverWait wait) {
        wait.until(d -> d.getCurrentUrl().contains("/login")
                && !d.findElements(By.cssSelector("input[name='username']")).isEmpty());
        browser.findElement(By.cssSelector("input[name='username']")).sendKeys("admin");
        browser.findElement(By.cssSelector("input[name='password']")).sendKeys(cluster.adminPassword());
        browser.findElement(By.cssSelector("vaadin-button[slot='submit'], vaadin-login-form vaadin-button")).click();
        wait.until(d -> !d.getCurrentUrl().contains("/login"));
    }

    private static String text(String id) {
        return String.valueOf(((JavascriptExecutor) browser).executeScript(
                "const e = document.getElementById(arguments[0]); return e ? e.innerText : ''", id));
    }

    private static void screenshot(String name) throws Exception {
        var target = Path.of("target", "screenshots");
        Files.createDirectories(target);
        Files.write(target.resolve(name), ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
    }
}
