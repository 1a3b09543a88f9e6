package io.harbormaster.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.harbormaster.cli.StubServer.Answer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HmLoginTest {

    private static final String PASSWORD = "s3cret-Pa55";
    private static final String TOKEN = "hm_pat_abcdefghijklmnopqrstuvwxyz012345";
    private static final String TOKEN_ID = "7d0f2c53-4f57-4a4b-8a53-5c1f0f6c2e11";

    private final StubServer server = new StubServer();

    @TempDir
    Path home;

    @AfterEach
    void stop() {
        server.close();
    }

    private static String me(String tokenId) {
        return """
                {"userId":"0b7c4c3e-3f0e-4d4c-9f39-2a4f3c1d2e10","username":"alice","displayName":"Alice Doe",\
                "platformAdmin":false,"authenticatedBy":"token",\
                "token":%s,\
                "teams":[{"teamId":"5f1b3c0e-2d7a-4d2e-8f57-3c6b1e2a9d10","name":"default","role":"OWNER"}]}"""
                .formatted(tokenId == null ? "null"
                        : "{\"tokenId\":\"" + tokenId + "\",\"name\":\"hm on laptop\",\"expiresAt\":\"2027-01-05T09:00:00Z\"}");
    }

    private void answerLoginAndMe() {
        server.answer(request -> switch (request.method() + " " + request.uri().getPath()) {
            case "POST /api/tokens" -> new Answer(201, "application/json", """
                    {"tokenId":"%s","name":"hm on laptop","expiresAt":"2027-01-05T09:00:00Z","token":"%s"}"""
                    .formatted(TOKEN_ID, TOKEN));
            case "GET /api/me" -> Answer.json(me(TOKEN_ID));
            case "GET /api/machines" -> Answer.json(MachineJson.page(0, 100, 0));
            case "DELETE /api/tokens/" + TOKEN_ID -> new Answer(204, "application/json", "");
            default -> new Answer(404, "text/plain", "not here");
        });
    }

    private Hm.Result login(String... extra) {
        var args = new java.util.ArrayList<>(java.util.List.of("login", server.url(), "-u", "alice",
                "--password-stdin"));
        args.addAll(java.util.List.of(extra));
        return Hm.runAt(home, Map.of("HM_WORKSTATION_NAME", "laptop"), PASSWORD + "\n", args.toArray(String[]::new));
    }

    @Test
    void givenAPassword_whenLoggingIn_thenATokenNamedAfterTheWorkstationIsKeptInAPrivateFile() throws IOException {
        answerLoginAndMe();

        var result = login();

        assertThat(result.exitCode()).isZero();
        assertThat(result.err()).startsWith("Logged in to " + server.url() + " as alice (token 'hm on laptop', "
                + "valid until 2027-01-05, kept in ");
        var issue = server.requests.getFirst();
        assertThat(issue.method() + " " + issue.uri().getPath()).isEqualTo("POST /api/tokens");
        assertThat(issue.header("Authorization")).isEqualTo("Basic " + Base64.getEncoder()
                .encodeToString(("alice:" + PASSWORD).getBytes(StandardCharsets.UTF_8)));
        assertThat(issue.body()).isEqualTo("{\"name\":\"hm on laptop\",\"expiresInDays\":30}");
        assertThat(server.requests.get(1).header("Authorization")).isEqualTo("Bearer " + TOKEN);

        var directory = home.resolve(".config/harbormaster");
        var file = directory.resolve("login.json");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(directory))).isEqualTo("rwx------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(Files.readString(file)).contains(TOKEN, TOKEN_ID, server.url()).doesNotContain(PASSWORD);
        assertThat(result.out() + result.err()).doesNotContain(PASSWORD).doesNotContain(TOKEN);
    }

    @Test
    void afterLoggingIn_everyVerbSignsInWithTheTokenNotThePassword() {
        answerLoginAndMe();
        login();
        server.requests.clear();

        var result = Hm.runAt(home, Map.of(), "", "ls");

        assertThat(result.exitCode()).isZero();
        assertThat(server.requests.getFirst().header("Authorization")).isEqualTo("Bearer " + TOKEN);
    }

    @Test
    void hmTokenAndHmUrlOverrideTheLoginForCiJobs() {
        answerLoginAndMe();
        login();
        server.requests.clear();

        Hm.runAt(home, Map.of("HM_URL", server.url(), "HM_TOKEN", "hm_pat_from_ci"), "", "ls");

        assertThat(server.requests.getFirst().header("Authorization")).isEqualTo("Bearer hm_pat_from_ci");
    }

    @Test
    void givenAWrongPassword_thenSaysSoAndSavesNothing() {
        server.answer(request -> Answer.problem(401, "{\"title\":\"Unauthorized\",\"status\":401}"));

        var result = login();

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err()).isEqualTo("Wrong username or password for " + server.url()
                + ". Nothing was saved.\n");
        assertThat(home.resolve(".config/harbormaster/login.json")).doesNotExist();
    }

    @Test
    void withoutATerminal_andWithoutPasswordStdin_thenSaysHowScriptsLogIn() {
        var result = Hm.runAt(home, Map.of(), "", "login", server.url(), "-u", "alice");

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err()).isEqualTo("hm login needs a terminal to ask for the username and password. In "
                + "scripts use --username NAME --password-stdin, or --token TOKEN (or set HM_URL and HM_TOKEN).\n");
        assertThat(server.requests).isEmpty();
    }

    @Test
    void givenATokenFromThePortal_thenItIsCheckedAndKeptWithItsId() throws IOException {
        answerLoginAndMe();

        var result = Hm.runAt(home, Map.of(), "", "login", server.url(), "--token", TOKEN);

        assertThat(result.exitCode()).isZero();
        assertThat(server.requests).extracting(r -> r.method() + " " + r.uri().getPath()).containsExactly("GET /api/me");
        assertThat(Files.readString(home.resolve(".config/harbormaster/login.json"))).contains(TOKEN_ID);
    }

    @Test
    void givenAnExpiredToken_thenLoginSaysSo() {
        server.answer(request -> Answer.problem(401, "{}"));

        var result = Hm.runAt(home, Map.of(), "", "login", server.url(), "--token", "hm_pat_expired");

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err()).isEqualTo("Harbormaster at " + server.url() + " does not accept this token "
                + "(expired, revoked or mistyped). Create a new one on the portal's API tokens page and try again.\n");
    }

    @Test
    void givenALoginWhoseTokenWasRevoked_thenVerbsSayToLogInAgain() {
        answerLoginAndMe();
        login();
        server.answer(request -> Answer.problem(401, "{}"));

        var result = Hm.runAt(home, Map.of(), "", "ls");

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err()).isEqualTo("Your login to " + server.url() + " is no longer valid (token 'hm on "
                + "laptop' expired or was revoked). Run: hm login " + server.url() + "\n");
    }

    @Test
    void logoutRevokesTheTokenOnTheServerAndForgetsIt() {
        answerLoginAndMe();
        login();
        server.requests.clear();

        var result = Hm.runAt(home, Map.of(), "", "logout");

        assertThat(result.exitCode()).isZero();
        assertThat(result.err()).isEqualTo("Logged out of " + server.url()
                + ": token 'hm on laptop' revoked and forgotten.\n");
        var revoke = server.requests.getFirst();
        assertThat(revoke.method() + " " + revoke.uri().getPath()).isEqualTo("DELETE /api/tokens/" + TOKEN_ID);
        assertThat(revoke.header("Authorization")).isEqualTo("Bearer " + TOKEN);
        assertThat(home.resolve(".config/harbormaster/login.json")).doesNotExist();
    }

    @Test
    void givenTheServerIsDown_logoutKeepsTheLoginSoItCanBeRevokedLater() {
        answerLoginAndMe();
        login();
        server.close();

        var result = Hm.runAt(home, Map.of(), "", "logout");

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err()).startsWith("Could not revoke token 'hm on laptop' (Cannot reach Harbormaster at ")
                .contains("The login is kept so you can try again");
        assertThat(home.resolve(".config/harbormaster/login.json")).exists();
    }

    @Test
    void whoamiSaysWhoHowAndInWhichTeams() {
        answerLoginAndMe();
        login();

        var text = Hm.runAt(home, Map.of(), "", "whoami");
        var json = Hm.runAt(home, Map.of(), "", "whoami", "--format", "json");

        assertThat(text.out()).isEqualTo("""
                alice (Alice Doe)
                server: %s
                signed in with: token 'hm on laptop' (expires 2027-01-05T09:00:00Z)
                teams: default (owner)
                """.formatted(server.url()));
        assertThat(json.out()).contains("\"username\" : \"alice\"", "\"role\" : \"OWNER\"");
    }

    @Test
    void aDamagedLoginFileIsNamedWithoutEchoingTheTokenInIt() throws IOException {
        var file = home.resolve(".config/harbormaster/login.json");
        Files.createDirectories(file.getParent());
        Files.writeString(file, "{\"server\":\"http://h\",\"token\": hm_pat_secretvalue123}");

        var result = Hm.runAt(home, Map.of(), "", "ls");

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err()).startsWith("hm cannot read " + file + " (not the JSON hm writes, line 1, column ")
                .endsWith("). Delete it and run hm login again.\n")
                .doesNotContain("secretvalue");
    }

    @Test
    void givenNoLoginAndNoServer_thenSaysHowToLogIn() {
        var result = Hm.runAt(home, Map.of(), "", "ls");

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err()).isEqualTo("Not logged in. Run: hm login URL (the address of your Harbormaster, "
                + "e.g. https://harbormaster.example.com), or set HM_URL and HM_TOKEN.\n");
    }
}
