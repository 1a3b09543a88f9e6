package io.harbormaster.standalone;

import java.util.Arrays;
import java.util.Locale;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Time from navigating to the portal's machine list to its first rows on screen, in Debian's Chromium (headless),
 * with a team of many machines: the browser's own clock from the start of the navigation ({@code performance.now()})
 * to the moment the grid shows a machine's name. Measured for a platform admin (who sees every machine) and for a
 * team member (whose list is filtered by membership). Run by hand through {@code infra/standalone/portal-benchmark.sh},
 * never by the build; it prints figures and asserts nothing.
 *
 * <p>Arguments (all optional): {@code machines=10000 runs=10}.
 */
public final class PortalFirstRowsBenchmark {

    private static final String MEMBER_PASSWORD = "member-password-for-the-benchmark";

    private PortalFirstRowsBenchmark() {
    }

    public static void main(String[] args) {
        BenchmarkMain.run(args, PortalFirstRowsBenchmark::run);
    }

    private static void run(String[] args) throws Exception {
        var machines = HmCliBenchmark.intArg(args, "machines", 10_000);
        var runs = HmCliBenchmark.intArg(args, "runs", 10);
        try (var platform = RunningPlatform.startOnFreshDatabase()) {
            var admin = platform.admin();
            var team = admin.post("/api/teams", "{\"name\":\"bench\"}").text("teamId");
            var member = admin.post("/api/users", "{\"username\":\"mia\",\"displayName\":\"Mia\"}").text("userId");
            admin.put("/api/users/" + member + "/password", "{\"password\":\"" + MEMBER_PASSWORD + "\"}");
            admin.post("/api/teams/" + team + "/members", "{\"userId\":\"" + member + "\",\"role\":\"MEMBER\"}");
            var adminId = platform.jdbc().sql("SELECT user_id::text FROM sec_account WHERE username = 'admin'")
                    .query(String.class).single();
            var took = HmCliBenchmark.createNoneMachines(platform, team, adminId, machines);
            HmCliBenchmark.awaitListed(platform, machines);
            HmCliBenchmark.awaitQuiet(platform);
            System.out.printf(Locale.ROOT, "%d machines created in %.1f s%n", machines, took.toMillis() / 1000.0);

            measure(platform, "admin", RunningPlatform.ADMIN_PASSWORD, runs);
            measure(platform, "mia", MEMBER_PASSWORD, runs);
        }
    }

    private static void measure(RunningPlatform platform, String username, String password, int runs) {
        var browser = HeadlessChromium.start();
        try {
            signIn(browser, platform, username, password);
            var millis = new double[runs];
            for (int i = 0; i < runs; i++) {
                millis[i] = firstRows(browser, platform.baseUrl() + "/");
            }
            Arrays.sort(millis);
            System.out.printf(Locale.ROOT, "first rows of the machine list as %s: min %.0f ms, median %.0f ms, "
                    + "max %.0f ms over %d loads (goal <= 1000 ms)%n", username, millis[0], millis[runs / 2],
                    millis[runs - 1], runs);
        } finally {
            browser.quit();
        }
    }

    /** Milliseconds from the start of the navigation to a machine's name in the grid, by the page's own clock. */
    private static double firstRows(WebDriver browser, String url) {
        browser.get(url);
        var shown = ((JavascriptExecutor) browser).executeAsyncScript(
                "const done = arguments[arguments.length - 1];"
                        + "const look = () => { const g = document.getElementById('machines-grid');"
                        + " if (g && /\\bm-\\d+/.test(g.innerText)) { done(performance.now()); }"
                        + " else { setTimeout(look, 5); } };"
                        + "look();");
        return ((Number) shown).doubleValue();
    }

    private static void signIn(WebDriver browser, RunningPlatform platform, String username, String password) {
        var wait = new WebDriverWait(browser, java.time.Duration.ofSeconds(60));
        browser.get(platform.baseUrl() + "/");
        wait.until(d -> !d.findElements(By.cssSelector("input[name='username']")).isEmpty());
        browser.findElement(By.cssSelector("input[name='username']")).sendKeys(username);
        browser.findElement(By.cssSelector("input[name='password']")).sendKeys(password);
        browser.findElement(By.cssSelector("vaadin-login-form vaadin-button")).click();
        wait.until(d -> !d.findElements(By.id("machines-grid")).isEmpty());
    }
}
