package io.harbormaster.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code hm credentials} with the real hm process against the real platform: an owner adds, lists, rotates and removes
 * a credential, reading the secrets from standard input; a member may list but not remove; without a terminal and
 * without {@code --secret-access-key-stdin} hm refuses rather than take the secret from anywhere else. Nothing hm
 * prints holds a secret.
 */
class HmCredentialsIntegrationTest {

    private static final String PASSWORD = "credentials-cli-password";
    private static final String SECRET = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";
    private static final String NEW_SECRET = "je7MtGbClwBF/2Zp9Utk/h3yCo8nvbEXAMPLEKEY";
    private static final String SESSION_TOKEN = "FwoGZXIvYXdzEXAMPLEsessionTOKEN0a9s8d7f";

    @TempDir
    static Path workspace;

    private static RunningPlatform platform;
    private static HmWorkstation olivia;
    private static HmWorkstation mia;

    @BeforeAll
    static void start() throws Exception {
        platform = RunningPlatform.startOnFreshDatabase();
        var admin = platform.admin();
        var team = admin.post("/api/teams", "{\"name\":\"cloud-team\"}").text("teamId");
        for (var user : new String[] {"olivia:OWNER", "mia:MEMBER"}) {
            var name = user.substring(0, user.indexOf(':'));
            var id = admin.post("/api/users", "{\"username\":\"%s\",\"displayName\":\"%s\"}".formatted(name, name))
                    .text("userId");
            admin.put("/api/users/" + id + "/password", "{\"password\":\"" + PASSWORD + "\"}");
            admin.post("/api/teams/" + team + "/members", "{\"userId\":\"%s\",\"role\":\"%s\"}".formatted(id,
                    user.substring(user.indexOf(':') + 1)));
        }
        olivia = login(Files.createDirectories(workspace.resolve("olivia-laptop")), "olivia");
        mia = login(Files.createDirectories(workspace.resolve("mia-laptop")), "mia");
    }

    @AfterAll
    static void stop() {
        if (platform != null) {
            platform.close();
        }
    }

    private static HmWorkstation login(Path home, String username) {
        var workstation = new HmWorkstation(home);
        var run = workstation.hmWithInput(PASSWORD + "\n", "login", platform.baseUrl(), "-u", username,
                "--password-stdin");
        assertThat(run.exitCode()).as(run.err()).isZero();
        return workstation;
    }

    @Test
    void anOwnerAddsListsRotatesAndRemoves_withTheSecretsReadFromStandardInput() {
        var added = olivia.hmWithInput(SECRET + "\n", "credentials", "add", "aws-prod", "--access-key-id",
                "AKIAIOSFODNN7EXAMPLE", "--secret-access-key-stdin", "--region", "eu-central-1");
        assertThat(added.exitCode()).as(added.err()).isZero();
        assertThat(added.err()).contains("Added aws credential 'aws-prod' (access key …MPLE) to team cloud-team");

        var listed = ApiClient.await(() -> response(mia.hm("credentials")), r -> r.body().contains("aws-prod"));
        assertThat(listed.body()).contains("NAME", "ACCESS KEY", "…MPLE", "eu-central-1", "never");

        var rotated = olivia.hmWithInput(NEW_SECRET + "\n" + SESSION_TOKEN + "\n", "credentials", "rotate",
                "aws-prod", "--access-key-id", "AKIAI44QH8DHBEXAMPL2", "--secret-access-key-stdin",
                "--session-token-stdin");
        assertThat(rotated.exitCode()).as(rotated.err()).isZero();
        assertThat(rotated.err()).contains("access key …MPL2, version 2");
        var json = ApiClient.await(() -> response(olivia.hm("credentials", "--format", "json")),
                r -> r.body().contains("MPL2"));
        assertThat(json.body()).contains("\"rotatedAt\"", "\"region\" : \"eu-central-1\"");

        var byMember = mia.hm("credentials", "rm", "aws-prod");
        assertThat(byMember.exitCode()).isEqualTo(1);
        assertThat(byMember.err()).contains("Cannot remove credential 'aws-prod' of team cloud-team", "OWNER role");

        var noTerminal = olivia.hmWithInput("", "credentials", "add", "aws-dev", "--access-key-id",
                "AKIAIOSFODNN7EXAMPLE");
        assertThat(noTerminal.exitCode()).isEqualTo(1);
        assertThat(noTerminal.err()).contains("needs a terminal", "--secret-access-key-stdin");

        var removed = olivia.hm("credentials", "rm", "aws-prod");
        assertThat(removed.exitCode()).as(removed.err()).isZero();
        ApiClient.await(() -> response(olivia.hm("credentials")), r -> !r.body().contains("aws-prod"));

        for (var run : java.util.List.of(added, rotated, byMember, noTerminal, removed)) {
            assertThat(run.out() + run.err()).doesNotContain(SECRET).doesNotContain(NEW_SECRET)
                    .doesNotContain(SESSION_TOKEN);
        }
    }

    /** A run as a response, to poll it until the read side has caught up. */
    private static ApiClient.Response response(HmWorkstation.Run run) {
        assertThat(run.exitCode()).as(run.err()).isZero();
        return new ApiClient.Response(200, run.out(), null, "text/plain", null);
    }
}
