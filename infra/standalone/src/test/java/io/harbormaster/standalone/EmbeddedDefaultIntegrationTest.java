package io.harbormaster.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The one-command start exactly as a newcomer gets it: no database configured, so PostgreSQL is embedded under the
 * Harbormaster home. The first start makes the admin and prints a one-time password once; the second start keeps
 * everything and prints no password.
 */
@ExtendWith(OutputCaptureExtension.class)
class EmbeddedDefaultIntegrationTest {

    private static final Pattern PASSWORD = Pattern.compile("one-time password.*\\R\\s+(\\S{20})\\R");

    @Test
    void firstStartBootstrapsOnceAndLaterStartsKeepEverything(@TempDir Path home, CapturedOutput output) throws Exception {
        String password;
        String machineId;
        try (var first = start(home)) {
            var printed = output.getOut();
            assertThat(printed).contains("Harbormaster is ready.", "embedded PostgreSQL, data in " + home,
                    "Portal:      " + url(first).replace("127.0.0.1", "localhost") + "/");
            var match = PASSWORD.matcher(printed);
            assertThat(match.find()).as("banner shows the one-time password").isTrue();
            password = match.group(1);
            var admin = new ApiClient(url(first), "admin", password);
            var team = MachineLifecycleIntegrationTest.defaultTeamId(admin);
            machineId = admin.post("/api/machines", BadInputIntegrationTest.machine(team, "kept-1", "none",
                    "tcp://10.213.0.90:2376")).text("machineId");
            ApiClient.await(() -> admin.get("/api/machines/" + machineId), r -> "Running".equals(r.text("state")));
            assertThat(admin.get("/v3/api-docs").body()).contains("/api/machines", "/api/teams");
        }
        assertThat(Files.isDirectory(home.resolve("postgres"))).isTrue();
        var before = output.getOut().length();

        try (var second = start(home)) {
            var printedAgain = output.getOut().substring(before);
            assertThat(printedAgain).contains("Harbormaster is ready.").doesNotContain("one-time password");
            var admin = new ApiClient(url(second), "admin", password);
            var machine = admin.get("/api/machines/" + machineId);
            assertThat(machine.status()).isEqualTo(200);
            assertThat(machine.text("name")).isEqualTo("kept-1");
            assertThat(admin.get("/api/users").json().path("users")).hasSize(1);
        }
    }

    private static ConfigurableApplicationContext start(Path home) {
        return new SpringApplicationBuilder(HarbormasterApplication.class)
                .run("--harbormaster.home=" + home, "--server.port=0", "--spring.main.banner-mode=off");
    }

    private static String url(ConfigurableApplicationContext context) {
        return "http://127.0.0.1:" + ((WebServerApplicationContext) context).getWebServer().getPort();
    }
}
