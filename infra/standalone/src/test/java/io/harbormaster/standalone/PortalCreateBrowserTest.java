package io.harbormaster.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import io.harbormaster.testing.TestHost;
import io.harbormaster.testing.TestHosts;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Creating a generic machine on a real test host from the portal's wizard (Debian's Chromium, headless): the form
 * comes from the driver's options, the user's own key is pasted, and the machine's page shows the provisioning reach
 * Running step by step without a reload. Skipped, visibly, where Chromium or the test hosts are not available.
 */
class PortalCreateBrowserTest {

    private static final String IP = "10.213.0.64";
    private static final String BEA_PASSWORD = "bea-password-for-portal-tests";
    private static RunningPlatform platform;
    private static WebDriver browser;
    private static WebDriver beasBrowser;
    private static Path work;
    private static final List<TestHost> hosts = new ArrayList<>();

    @BeforeAll
    static void start() throws Exception {
        HeadlessChromium.assumeInstalled();
        Assumptions.assumeTrue(TestHosts.available(), () -> "test hosts unavailable: " + TestHosts.unavailableReason());
        work = Files.createTempDirectory("portal-create");
        var key = TestHostMachines.newKey(work, "portal_ed25519");
        hosts.add(TestHosts.up("portal-gen1", IP, TestHostMachines.publicKey(key)));
        platform = RunningPlatform.startOnFreshDatabase();
        var admin = platform.admin();
        var bea = admin.post("/api/users", "{\"username\":\"bea\",\"displayName\":\"Bea\"}").text("userId");
        assertThat(admin.put("/api/users/" + bea + "/password", "{\"password\":\"" + BEA_PASSWORD + "\"}").status())
                .isEqualTo(204);
        assertThat(admin.post("/api/teams/" + MachineLifecycleIntegrationTest.defaultTeamId(admin) + "/members",
                "{\"userId\":\"" + bea + "\",\"role\":\"MEMBER\"}").status()).isEqualTo(200);
        browser = HeadlessChromium.start();
        beasBrowser = HeadlessChromium.start();
    }

    @AfterAll
    static void stop() {
        try {
            if (browser != null) {
                browser.quit();
            }
            if (beasBrowser != null) {
                beasBrowser.quit();
            }
        } finally {
            TestHostMachines.stopAll(platform, hosts);
        }
    }

    /**
     * The whole story of the issue: Admin creates a generic machine in the wizard and watches it reach Running; Bea,
     * in a second browser, sees it appear in her open list; Admin hands it off to her; her page shows her as the
     * holder; the env line her page shows, run in her shell with her hm, gives a docker client that works; the audit
     * log shows the hand-off; and the fleet as it was just before the hand-off has Admin as the holder.
     */
    @Test
    void aGenericMachineMadeInTheWizard_showsItsProvisioningLive_andIsHandedOffToASecondUserWhoseDockerWorks()
            throws Exception {
        var wait = new WebDriverWait(browser, Duration.ofSeconds(120));
        var beaWaits = new WebDriverWait(beasBrowser, Duration.ofSeconds(120));
        signIn(browser, wait, "admin", RunningPlatform.ADMIN_PASSWORD);
        signIn(beasBrowser, beaWaits, "bea", BEA_PASSWORD);
        wait.until(d -> !d.findElements(By.id("create-machine")).isEmpty());

        browser.findElement(By.id("create-machine")).click();
        try {
            new WebDriverWait(browser, Duration.ofSeconds(20)).until(d -> !d.findElements(By.id("option-ip-address"))
                    .isEmpty());
        } finally {
            screenshot("portal-create-opened.png");
        }
        wait.until(d -> !d.findElements(By.id("option-ip-address")).isEmpty());
        browser.findElement(By.cssSelector("#create-name input")).sendKeys("portal-gen-1");
        browser.findElement(By.cssSelector("#option-ip-address input")).sendKeys(IP);
        browser.findElement(By.cssSelector("#option-ssh-port input")).sendKeys("99999");
        wait.until(d -> text("option-ssh-port").contains("65535") || Boolean.TRUE.equals(script(
                "return document.getElementById('option-ssh-port').invalid")));
        screenshot("portal-create-invalid-port.png");
        var port = browser.findElement(By.cssSelector("#option-ssh-port input"));
        port.sendKeys(org.openqa.selenium.Keys.chord(org.openqa.selenium.Keys.CONTROL, "a"),
                org.openqa.selenium.Keys.BACK_SPACE);
        wait.until(d -> Boolean.FALSE.equals(script("return document.getElementById('option-ssh-port').invalid")));
        browser.findElements(By.cssSelector("#create-key-choice vaadin-radio-button")).get(1).click();
        wait.until(d -> d.findElement(By.id("create-private-key")).isDisplayed());
        script("const a = document.getElementById('create-private-key'); a.value = arguments[0];"
                + "a.dispatchEvent(new Event('change', {bubbles: true}));",
                TestHostMachines.read(work.resolve("portal_ed25519")));
        browser.findElement(By.cssSelector("#create-labels input")).sendKeys("env=test");
        screenshot("portal-create-wizard.png");
        PortalAccessibility.assertNoSeriousViolations(browser, "the create wizard");

        var clicked = System.nanoTime();
        browser.findElement(By.id("create-submit")).click();
        wait.until(d -> !d.findElements(By.id("machine-heading")).isEmpty());
        assertThat(browser.getCurrentUrl()).contains("/machines/");
        // the page follows the provisioner: finished steps appear as they complete, without a reload
        wait.until(d -> text("machine-provisioning-steps").contains("✓ detect-os"));
        screenshot("portal-create-provisioning.png");
        assertThat(text("machine-provisioning")).contains("Debian");
        wait.until(d -> text("machine-heading").contains("Running"));
        System.out.printf("portal: the wizard's generic machine was Running %d ms after Create%n",
                (System.nanoTime() - clicked) / 1_000_000);
        wait.until(d -> text("machine-provisioning-ready").contains("Ready"));
        screenshot("portal-create-running.png");
        assertThat(text("machine-provisioning-steps")).contains("✓ detect-os", "✓ push-certs", "✓ verify");
        assertThat(text("machine-provisioning-ready")).contains("eval \"$(hm env portal-gen-1)\"");
        assertThat(text("machine-facts")).contains("tcp://" + IP + ":2376", "Debian");
        assertThat(text("machine-certificates")).contains("Server fingerprint (SHA-256)", IP, "portal-gen-1")
                .doesNotContain("not recorded");
        script("document.getElementById('machine-certificates').scrollIntoView()");
        screenshot("portal-machine-certificates.png");
        script("document.getElementById('machine-history').scrollIntoView()");
        screenshot("portal-machine-timeline.png");
        assertThat(text("machine-history")).as("the provisioning is one line of the timeline")
                .containsPattern("provisioning on Debian[^\\n]*: succeeded, 6/6 steps in");
        assertThat(text("machine-env")).contains("hm env portal-gen-1");
        assertThat(browser.getPageSource()).doesNotContain(TestHostMachines.bodySlice(
                TestHostMachines.read(work.resolve("portal_ed25519"))));

        // Bea's list, open all along, has the machine without a reload
        beaWaits.until(d -> text(beasBrowser, "machines-grid").contains("portal-gen-1"));
        screenshot(beasBrowser, "portal-second-user-sees-it.png");

        var machineUrl = browser.getCurrentUrl();
        var beforeHandOff = java.time.Instant.now();
        Thread.sleep(50);
        browser.findElement(By.id("action-hand-off")).click();
        wait.until(d -> !d.findElements(By.id("hand-off-to")).isEmpty());
        browser.findElement(By.cssSelector("#hand-off-to input")).sendKeys("bea");
        PortalBrowserTest.pickVisibleItem(browser, wait, "bea");
        browser.findElement(By.id("hand-off-confirm")).click();
        wait.until(d -> text("machine-facts").contains("bea"));

        beasBrowser.get(machineUrl);
        beaWaits.until(d -> text(beasBrowser, "machine-facts").contains("bea"));
        var envLine = text(beasBrowser, "machine-env").lines().findFirst().orElseThrow();
        var bashPart = envLine.substring(0, envLine.indexOf('#')).strip();
        assertThat(bashPart).isEqualTo("eval \"$(hm env portal-gen-1)\"");
        screenshot(beasBrowser, "portal-second-user-holds-it.png");
        var beasLaptop = new HmWorkstation(Files.createDirectories(work.resolve("bea-laptop")));
        var login = beasLaptop.hmWithInput(BEA_PASSWORD + "\n", "login", platform.baseUrl(), "-u", "bea",
                "--password-stdin");
        assertThat(login.exitCode()).as(login.err()).isZero();
        var docker = beasLaptop.shell("bash", bashPart + " && docker version --format '{{.Server.Version}}'");
        assertThat(docker.exitCode()).as(docker.err()).isZero();
        assertThat(docker.out()).isNotBlank();

        // the docker context her page offers, imported into her docker as it is, works too
        var context = beasLaptop.home().resolve("portal-gen-1.dockercontext");
        Files.write(context, download(beasBrowser, "machine-download-context"));
        var imported = beasLaptop.shell("bash", "docker context import from-portal " + context
                + " && docker --context from-portal version --format '{{.Server.Version}}'");
        assertThat(imported.exitCode()).as(imported.err()).isZero();
        assertThat(imported.out()).contains(docker.out().strip());
        var bundle = download(beasBrowser, "machine-download-bundle-tar");
        assertThat(new String(bundle, java.nio.charset.StandardCharsets.ISO_8859_1)).contains("ca.pem", "cert.pem",
                "key.pem");
        ((JavascriptExecutor) beasBrowser).executeScript(
                "document.getElementById('machine-downloads').scrollIntoView()");
        screenshot(beasBrowser, "portal-machine-downloads.png");

        browser.findElement(By.id("menu-audit")).click();
        wait.until(d -> text("audit-entries").contains("handed off") || text("audit-entries").contains("bea"));
        var admin = platform.admin();
        var team = MachineLifecycleIntegrationTest.defaultTeamId(admin);
        var before = admin.get("/api/teams/" + team + "/fleet?at=" + beforeHandOff).json().path("machines");
        var holders = new java.util.ArrayList<String>();
        before.forEach(m -> holders.add(m.path("name").asString() + " " + m.path("holderName").asString()));
        assertThat(holders).containsExactly("portal-gen-1 admin");
    }

    /**
     * What following the page's download link gives, fetched in that browser with its session. Each download issues
     * a certificate, an event that redraws the page with new links, so a link read just before the redraw is gone:
     * read it again, as a user clicking the new one would.
     */
    private static byte[] download(WebDriver who, String anchorId) throws InterruptedException {
        String base64 = null;
        for (int attempt = 0; attempt < 5; attempt++) {
            base64 = fetch(who, anchorId);
            if (!base64.startsWith("error: Error: HTTP 404")) {
                break;
            }
            Thread.sleep(500);
        }
        assertThat(base64).as("the download of " + anchorId).doesNotStartWith("error:");
        return java.util.Base64.getDecoder().decode(base64);
    }

    private static String fetch(WebDriver who, String anchorId) {
        return (String) ((JavascriptExecutor) who).executeAsyncScript(
                "const done = arguments[arguments.length - 1];"
                        + "fetch(document.getElementById(arguments[0]).href)"
                        + ".then(r => { if (!r.ok) throw new Error('HTTP ' + r.status); return r.arrayBuffer(); })"
                        + ".then(b => { let s = ''; new Uint8Array(b).forEach(c => s += String.fromCharCode(c));"
                        + " done(btoa(s)); })"
                        + ".catch(e => done('error: ' + e));", anchorId);
    }

    private static void signIn(WebDriver who, WebDriverWait wait, String username, String password) {
        who.get(platform.baseUrl() + "/");
        wait.until(d -> !d.findElements(By.cssSelector("input[name='username']")).isEmpty());
        who.findElement(By.cssSelector("input[name='username']")).sendKeys(username);
        who.findElement(By.cssSelector("input[name='password']")).sendKeys(password);
        who.findElement(By.cssSelector("vaadin-button[slot='submit'], vaadin-login-form vaadin-button")).click();
        wait.until(d -> !d.findElements(By.id("machines-grid")).isEmpty());
    }

    private static String text(WebDriver who, String id) {
        return String.valueOf(((JavascriptExecutor) who).executeScript(
                "const e = document.getElementById('" + id + "'); return e ? e.innerText : ''"));
    }

    private static void screenshot(WebDriver who, String name) throws Exception {
        var png = ((TakesScreenshot) who).getScreenshotAs(OutputType.BYTES);
        var target = Path.of("target", "screenshots");
        Files.createDirectories(target);
        Files.write(target.resolve(name), png);
    }

    private static String text(String id) {
        return String.valueOf(script("const e = document.getElementById('" + id + "'); return e ? e.innerText : ''"));
    }

    private static Object script(String js, Object... args) {
        return ((JavascriptExecutor) browser).executeScript(js, args);
    }

    private static void screenshot(String name) throws Exception {
        var png = ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES);
        var target = Path.of("target", "screenshots");
        Files.createDirectories(target);
        Files.write(target.resolve(name), png);
    }
}
