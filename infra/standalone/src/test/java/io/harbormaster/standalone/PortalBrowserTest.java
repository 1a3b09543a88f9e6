package io.harbormaster.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.interactions.Actions;
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
        signIn(wait);
        wait.until(d -> d.findElement(By.id("machines-grid")).getText().contains("portal-web-1")
                || String.valueOf(((org.openqa.selenium.JavascriptExecutor) d).executeScript(
                        "const g = document.getElementById('machines-grid'); return g ? g.innerText : ''")).contains("portal-web-1"));
        screenshot("portal-machines.png");
        var text = String.valueOf(((org.openqa.selenium.JavascriptExecutor) browser).executeScript(
                "return document.getElementById('machines-grid').innerText"));
        assertThat(text).contains("portal-web-1").contains("Running").contains("none");
        assertThat(browser.getPageSource()).doesNotContain(RunningPlatform.ADMIN_PASSWORD);
    }

    @Test
    void aRowOpensTheMachinesPage_aFilterWithoutMatchSaysSo_andAnUnknownPathShowsANotFoundPageWithTheNavigation()
            throws Exception {
        var wait = new WebDriverWait(browser, Duration.ofSeconds(90));
        signIn(wait);
        browser.manage().window().setSize(new org.openqa.selenium.Dimension(800, 900));
        try {
            wait.until(d -> text("machines-grid").contains("portal-web-1"));
            screenshot("portal-machines-800.png");
            PortalAccessibility.assertNoSeriousViolations(browser, "the machine list");
            assertThat(rowState("portal-web-1")).isEqualTo("Running");
            assertThat(browser.findElements(By.cssSelector("#machines-grid .state-badge[data-tone='serving']")))
                    .extracting(org.openqa.selenium.WebElement::getText).contains("Running");

            var filter = browser.findElement(By.cssSelector("#machine-filter input"));
            filter.sendKeys("no-such-machine");
            wait.until(d -> String.valueOf(script("return document.getElementById('machines-grid')"
                    + ".shadowRoot.querySelector('#emptystatecell, [part~=\"empty-state\"]')?.innerText "
                    + "|| document.getElementById('machines-grid').innerText")).contains("No machine matches"));
            screenshot("portal-machines-no-match.png");
            filter.sendKeys(org.openqa.selenium.Keys.chord(org.openqa.selenium.Keys.CONTROL, "a"),
                    org.openqa.selenium.Keys.BACK_SPACE);
            wait.until(d -> text("machines-grid").contains("portal-web-1"));

            browser.findElements(By.cssSelector("#machines-grid vaadin-grid-cell-content")).stream()
                    .filter(cell -> cell.getText().equals("portal-web-1")).findFirst().orElseThrow().click();
            wait.until(d -> !d.findElements(By.id("machine-facts")).isEmpty());
            assertThat(browser.getCurrentUrl()).contains("/machines/");
            assertThat(text("machine-facts")).contains("tcp://10.213.0.60:2376", "none", "admin");
            wait.until(d -> text("machine-history").contains("Provisioned") || text("machine-history").contains("provisioned"));
            screenshot("portal-machine-page-800.png");
            PortalAccessibility.assertNoSeriousViolations(browser, "a machine page");
            assertThat(browser.getTitle()).isEqualTo("portal-web-1 · Machines");

            for (var path : java.util.List.of("/team-settings", "/admin/users", "/no/such/page")) {
                browser.get(platform.baseUrl() + path);
                wait.until(d -> !d.findElements(By.id("page-not-found-path")).isEmpty());
                assertThat(text("page-not-found-path")).contains(path);
                assertThat(browser.findElements(By.id("menu-machines"))).isNotEmpty();
            }
            screenshot("portal-not-found-800.png");
            PortalAccessibility.assertNoSeriousViolations(browser, "the not-found page");
        } finally {
            browser.manage().window().setSize(new org.openqa.selenium.Dimension(1400, 900));
        }
    }

    @Test
    void anOpenListShowsAMachineCreatedElsewhere_andAnOpenMachinePageItsStop_withoutAReload() throws Exception {
        var wait = new WebDriverWait(browser, Duration.ofSeconds(30));
        signIn(wait);
        wait.until(d -> text("machines-grid").contains("portal-web-1"));
        var admin = platform.admin();
        var team = MachineLifecycleIntegrationTest.defaultTeamId(admin);

        var sent = System.nanoTime();
        var id = admin.post("/api/machines", BadInputIntegrationTest.machine(team, "portal-live-2", "none",
                "tcp://10.213.0.61:2376")).text("machineId");
        wait.until(d -> text("machines-grid").contains("portal-live-2"));
        System.out.printf("portal: a machine created through the API showed in the open list after %d ms%n",
                (System.nanoTime() - sent) / 1_000_000);
        wait.until(d -> text("machines-grid").contains("portal-live-2") && rowState("portal-live-2").equals("Running"));
        screenshot("portal-live-created.png");

        browser.get(platform.baseUrl() + "/machines/" + id);
        wait.until(d -> text("machine-heading").contains("Running"));
        assertThat(admin.post("/api/machines/" + id + "/stop", null).status()).isEqualTo(202);
        wait.until(d -> text("machine-heading").contains("Stopped"));
        wait.until(d -> text("machine-history").contains("top"));
        screenshot("portal-live-stopped.png");
    }

    @Test
    void aHandOffFromTheMachinePage_showsTheNewHolderAtOnce_andTheHistorySaysWhoDidIt() throws Exception {
        var wait = new WebDriverWait(browser, Duration.ofSeconds(60));
        var admin = platform.admin();
        var team = MachineLifecycleIntegrationTest.defaultTeamId(admin);
        var bea = admin.post("/api/users", "{\"username\":\"bea\",\"displayName\":\"Bea\"}").text("userId");
        assertThat(admin.post("/api/teams/" + team + "/members", "{\"userId\":\"" + bea + "\",\"role\":\"MEMBER\"}")
                .status()).isEqualTo(200);
        var id = admin.post("/api/machines", BadInputIntegrationTest.machine(team, "portal-hand-1", "none",
                "tcp://10.213.0.62:2376")).text("machineId");
        ApiClient.await(() -> admin.get("/api/machines/" + id), r -> "Running".equals(r.text("state")));
        signIn(wait);

        browser.get(platform.baseUrl() + "/machines/" + id);
        wait.until(d -> !d.findElements(By.id("action-hand-off")).isEmpty());
        assertThat(text("machine-actions")).contains("Stop", "Hand off", "Share", "Remove").doesNotContain("Start");
        browser.findElement(By.id("action-hand-off")).click();
        wait.until(d -> !d.findElements(By.id("hand-off-to")).isEmpty());
        var to = browser.findElement(By.cssSelector("#hand-off-to input"));
        to.sendKeys("bea");
        pickVisibleItem(browser, wait, "bea");
        screenshot("portal-hand-off-dialog.png");
        PortalAccessibility.assertNoSeriousViolations(browser, "the hand-off dialog");
        browser.findElement(By.id("hand-off-confirm")).click();

        wait.until(d -> text("machine-facts").contains("bea"));
        wait.until(d -> text("machine-history").toLowerCase().contains("bea"));
        screenshot("portal-handed-off.png");
        assertThat(admin.get("/api/machines/" + id).text("holderName")).isEqualTo("bea");
        var history = admin.get("/api/machines/" + id + "/history").json().path("items");
        var channels = new java.util.ArrayList<String>();
        history.forEach(entry -> {
            if (entry.path("action").asString().equals("MachineHandedOff")) {
                channels.add(entry.path("channel").asString() + " " + entry.path("actorName").asString());
            }
        });
        assertThat(channels).containsExactly("ui admin");
    }

    @Test
    void theFleetHistoryPage_showsTheTeamAtAPastMoment_andWhatWasAddedSince() throws Exception {
        var wait = new WebDriverWait(browser, Duration.ofSeconds(60));
        var admin = platform.admin();
        var team = MachineLifecycleIntegrationTest.defaultTeamId(admin);
        var before = java.time.Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MINUTES);
        Thread.sleep(1000);
        var id = admin.post("/api/machines", BadInputIntegrationTest.machine(team, "portal-fleet-1", "none",
                "tcp://10.213.0.63:2376")).text("machineId");
        ApiClient.await(() -> admin.get("/api/machines/" + id), r -> "Running".equals(r.text("state")));
        signIn(wait);

        browser.findElement(By.id("menu-fleet")).click();
        wait.until(d -> !d.findElements(By.id("fleet-at")).isEmpty());
        script("const p = document.getElementById('fleet-at'); p.value = '"
                + java.time.LocalDateTime.ofInstant(before, java.time.ZoneOffset.UTC).toString().substring(0, 16)
                + "'; p.dispatchEvent(new CustomEvent('change', {bubbles: true}));");
        browser.findElement(By.id("fleet-show")).click();
        wait.until(d -> text("fleet-summary").contains("differences to now") || text("fleet-summary").contains("difference to now"));
        wait.until(d -> text("fleet-changes").contains("portal-fleet-1"));
        assertThat(text("fleet-changes")).contains("added since");
        assertThat(text("fleet-machines")).doesNotContain("portal-fleet-1");
        screenshot("portal-fleet-history.png");
        PortalAccessibility.assertNoSeriousViolations(browser, "fleet history");
    }

    @Test
    void theAuditLogPage_filtersTheTeamsLog_andExportsExactlyWhatTheApiExports() throws Exception {
        var wait = new WebDriverWait(browser, Duration.ofSeconds(60));
        var admin = platform.admin();
        var team = MachineLifecycleIntegrationTest.defaultTeamId(admin);
        signIn(wait);

        browser.findElement(By.id("menu-audit")).click();
        wait.until(d -> text("audit-entries").contains("admin"));
        var action = browser.findElement(By.cssSelector("#audit-action input"));
        action.sendKeys("MachineCreated");
        wait.until(d -> text("audit-entries").contains("portal-web-1") && !text("audit-entries").contains("provisioned"));
        screenshot("portal-audit.png");
        PortalAccessibility.assertNoSeriousViolations(browser, "the audit log");

        for (var format : java.util.List.of("csv", "json")) {
            var href = browser.findElement(By.id("audit-export-" + format)).getAttribute("href");
            // compared byte for byte (as base64: Selenium may rewrite the line ends of a returned string)
            var fromPortal = String.valueOf(((org.openqa.selenium.JavascriptExecutor) browser).executeAsyncScript(
                    "const done = arguments[arguments.length - 1];"
                            + "fetch(arguments[0], {credentials: 'same-origin'}).then(r => r.arrayBuffer())"
                            + ".then(b => done(btoa(String.fromCharCode(...new Uint8Array(b)))));", href));
            var fromApi = admin.get("/api/teams/" + team + "/audit/export?format=" + format + "&action=MachineCreated");
            assertThat(fromApi.status()).isEqualTo(200);
            var portalText = new String(java.util.Base64.getDecoder().decode(fromPortal),
                    java.nio.charset.StandardCharsets.UTF_8);
            assertThat(portalText).as(format).isEqualTo(fromApi.body()).contains("portal-web-1");
        }
    }

    @Test
    void theTeamsPage_letsTheOwnerAddAMember_whoThenAppearsInTheTeamAsTheApiSays() throws Exception {
        var wait = new WebDriverWait(browser, Duration.ofSeconds(60));
        var admin = platform.admin();
        var team = MachineLifecycleIntegrationTest.defaultTeamId(admin);
        admin.post("/api/users", "{\"username\":\"cleo\",\"displayName\":\"Cleo\"}");
        signIn(wait);

        browser.findElement(By.id("menu-teams")).click();
        wait.until(d -> text("teams-members").contains("admin"));
        var pick = browser.findElement(By.cssSelector("#teams-new-member input"));
        pick.sendKeys("cleo");
        pickVisibleItem(browser, wait, "cleo");
        browser.findElement(By.id("teams-add")).click();
        wait.until(d -> text("teams-members").contains("cleo"));
        screenshot("portal-teams.png");
        PortalAccessibility.assertNoSeriousViolations(browser, "the teams page");

        var members = admin.get("/api/teams/" + team).json().path("members");
        var roles = new java.util.ArrayList<String>();
        members.forEach(m -> roles.add(m.path("username").asString() + " " + m.path("role").asString()));
        assertThat(roles).contains("cleo MEMBER");

        // a platform admin registers a user who then signs in with the password given
        browser.findElement(By.cssSelector("#teams-new-username input")).sendKeys("dana");
        browser.findElement(By.cssSelector("#teams-new-display-name input")).sendKeys("Dana");
        browser.findElement(By.cssSelector("#teams-new-password input")).sendKeys("dana-password-for-tests");
        browser.findElement(By.id("teams-register")).click();
        wait.until(d -> text("teams-users").contains("dana"));
        assertThat(platform.as("dana", "dana-password-for-tests").get("/api/me").status()).isEqualTo(200);
        assertThat(browser.getPageSource()).doesNotContain("dana-password-for-tests");

        // the owner adds a cloud credential: listed as the API lists it, its secret nowhere in the page
        var secret = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYPORTALKEY";
        browser.findElement(By.cssSelector("#credential-name input")).sendKeys("aws-portal");
        browser.findElement(By.cssSelector("#credential-access-key-id input")).sendKeys("AKIAPORTALTEST0001");
        browser.findElement(By.cssSelector("#credential-secret input")).sendKeys(secret);
        browser.findElement(By.cssSelector("#credential-region input")).sendKeys("eu-west-1");
        browser.findElement(By.id("credential-add")).click();
        try {
            wait.until(d -> text("teams-credentials-grid").contains("aws-portal"));
        } finally {
            screenshot("portal-team-credentials-added.png");
        }
        script("document.getElementById('teams-credentials').scrollIntoView()");
        screenshot("portal-team-credentials.png");
        PortalAccessibility.assertNoSeriousViolations(browser, "the teams page with credentials");
        assertThat(text("teams-credentials-grid")).contains("…0001", "eu-west-1");
        var listed = admin.get("/api/teams/" + team + "/credentials").json().path("credentials");
        assertThat(listed.get(0).path("name").asString()).isEqualTo("aws-portal");
        assertThat(browser.getPageSource()).doesNotContain(secret).doesNotContain("AKIAPORTALTEST0001");
    }

    @Test
    void theAccountPage_showsTheUsersTeamsAndTheirOwnSignIns() throws Exception {
        var wait = new WebDriverWait(browser, Duration.ofSeconds(60));
        signIn(wait);

        browser.findElement(By.id("signed-in-user")).click();
        wait.until(d -> text("account-who").contains("admin"));
        wait.until(d -> text("account-teams").contains("default"));
        wait.until(d -> text("account-sign-ins").contains("signed in"));
        screenshot("portal-account.png");
        PortalAccessibility.assertNoSeriousViolations(browser, "the account page");
    }

    /** The state badge's text in the row of the machine named {@code name}, as the grid shows it. */
    /**
     * Signing in, opening a machine from the list and opening (and leaving) a dialog on its page, with the keyboard
     * alone: Tab to move, Enter to act, Escape to close, as someone who uses no mouse would.
     */
    @Test
    void signingIn_openingAMachine_andItsDialogs_workFromTheKeyboardAlone() throws Exception {
        var keys = HeadlessChromium.start();
        try {
            var wait = new WebDriverWait(keys, Duration.ofSeconds(90));
            keys.get(platform.baseUrl() + "/");
            wait.until(d -> !d.findElements(By.cssSelector("input[name='username']")).isEmpty());
            tabUntil(keys, "document.activeElement && document.activeElement.name === 'username'");
            new Actions(keys).sendKeys("admin").sendKeys(Keys.TAB).sendKeys(RunningPlatform.ADMIN_PASSWORD)
                    .sendKeys(Keys.ENTER).perform();
            wait.until(d -> String.valueOf(((org.openqa.selenium.JavascriptExecutor) d).executeScript(
                    "const g = document.getElementById('machines-grid'); return g ? g.innerText : ''"))
                    .contains("portal-web-1"));

            // Tab reaches the grid's header, Tab again its first row; Enter enters the name cell, Enter follows it
            tabUntil(keys, "document.activeElement && document.activeElement.id === 'machines-grid'");
            new Actions(keys).sendKeys(Keys.TAB).perform();
            if (!Boolean.TRUE.equals(js(keys, "return document.activeElement && document.activeElement.id "
                    + "=== 'machines-grid'"))) {
                tabUntil(keys, "document.activeElement && document.activeElement.id === 'machines-grid'");
            }
            new Actions(keys).sendKeys(Keys.ENTER).perform();
            wait.until(d -> "A".equals(js(d, "return document.activeElement && document.activeElement.tagName")));
            var name = String.valueOf(js(keys, "return document.activeElement.innerText")).strip();
            screenshot(keys, "portal-keyboard-list.png");
            new Actions(keys).sendKeys(Keys.ENTER).perform();
            wait.until(d -> !d.findElements(By.id("machine-heading")).isEmpty());
            assertThat(String.valueOf(js(keys, "return document.getElementById('machine-heading').innerText")))
                    .contains(name);

            tabUntil(keys, "document.activeElement && document.activeElement.id === 'action-hand-off'");
            screenshot(keys, "portal-keyboard-action.png");
            new Actions(keys).sendKeys(Keys.ENTER).perform();
            wait.until(d -> !d.findElements(By.id("hand-off-to")).isEmpty());
            screenshot(keys, "portal-keyboard-dialog.png");
            new Actions(keys).sendKeys(Keys.ESCAPE).perform();
            wait.until(d -> d.findElements(By.id("hand-off-to")).isEmpty());
        } finally {
            keys.quit();
        }
    }

    /** Presses Tab until {@code condition} (a script expression) holds; fails after 80 presses. */
    private static void tabUntil(WebDriver who, String condition) {
        for (int i = 0; i < 80; i++) {
            if (Boolean.TRUE.equals(js(who, "return !!(" + condition + ")"))) {
                return;
            }
            new Actions(who).sendKeys(Keys.TAB).perform();
        }
        throw new AssertionError("Tab never reached: " + condition);
    }

    private static Object js(WebDriver who, String script) {
        return ((org.openqa.selenium.JavascriptExecutor) who).executeScript(script);
    }

    private static void screenshot(WebDriver who, String name) throws Exception {
        var png = ((TakesScreenshot) who).getScreenshotAs(OutputType.BYTES);
        var target = Path.of("target", "screenshots");
        Files.createDirectories(target);
        Files.write(target.resolve(name), png);
    }

    private static String rowState(String name) {
        var lines = text("machines-grid").split("\n");
        for (int i = 0; i < lines.length - 1; i++) {
            if (lines[i].strip().equals(name)) {
                return lines[i + 1].strip();
            }
        }
        return "";
    }

    private static void signIn(WebDriverWait wait) {
        browser.get(platform.baseUrl() + "/");
        wait.until(d -> !d.findElements(By.id("machines-grid")).isEmpty()
                || (d.getCurrentUrl().contains("/login")
                        && !d.findElements(By.cssSelector("input[name='username']")).isEmpty()));
        if (!browser.findElements(By.id("machines-grid")).isEmpty()) {
            return;
        }
        browser.findElement(By.cssSelector("input[name='username']")).sendKeys("admin");
        browser.findElement(By.cssSelector("input[name='password']")).sendKeys(RunningPlatform.ADMIN_PASSWORD);
        browser.findElement(By.cssSelector("vaadin-button[slot='submit'], vaadin-login-form vaadin-button")).click();
        wait.until(d -> !d.findElements(By.id("machines-grid")).isEmpty());
    }

    /** Clicks the shown item of an open combo box that starts with {@code text} (closed overlays keep theirs). */
    static void pickVisibleItem(WebDriver who, WebDriverWait wait, String text) {
        wait.ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                .until(d -> d.findElements(By.cssSelector("vaadin-combo-box-item")).stream()
                        .anyMatch(item -> item.isDisplayed() && item.getText().startsWith(text)));
        who.findElements(By.cssSelector("vaadin-combo-box-item")).stream()
                .filter(item -> item.isDisplayed() && item.getText().startsWith(text)).findFirst().orElseThrow().click();
    }

    private static String text(String id) {
        return String.valueOf(script("const e = document.getElementById('" + id + "'); return e ? e.innerText : ''"));
    }

    private static Object script(String js) {
        return ((org.openqa.selenium.JavascriptExecutor) browser).executeScript(js);
    }

    private static void screenshot(String name) throws Exception {
        var png = ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES);
        var target = Path.of("target", "screenshots");
        Files.createDirectories(target);
        Files.write(target.resolve(name), png);
    }
}
