package io.harbormaster.standalone;

import static io.harbormaster.standalone.ApiClient.await;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/**
 * What the hm CLI asks the server, end to end over real HTTP on a real platform: who am I (Basic and token, with the
 * token's id to revoke it by), a machine by name within the caller's teams (found, unknown, ambiguous between two
 * teams, picked by team), and a client certificate as JSON that is signed by the CA it names, whose fingerprint is
 * the machine's, for members only, and whose key enters no event and no table.
 */
class CliServerSupportIntegrationTest {

    private static final String PASSWORD = "cli-support-password-for-tests";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static RunningPlatform platform;
    private static String alpha;
    private static String beta;
    private static String alphaWeb;
    private static String betaWeb;

    @BeforeAll
    static void start() {
        platform = RunningPlatform.startOnFreshDatabase();
        var admin = platform.admin();
        alpha = admin.post("/api/teams", "{\"name\":\"alpha\"}").text("teamId");
        beta = admin.post("/api/teams", "{\"name\":\"beta\"}").text("teamId");
        user("ada", "Ada Lovelace", alpha + ":MEMBER", beta + ":MEMBER");
        user("vic", "Vic Viewer", alpha + ":VIEWER");
        user("olga", "Olga Outsider");
        alphaWeb = create(alpha, "web-1", 1);
        betaWeb = create(beta, "web-1", 2);
        create(alpha, "solo-1", 3);
        // named like the reads under /api/machines/{id}/...: the lookup by name must not be mistaken for one
        create(alpha, "history", 4);
        create(alpha, "ssh-public-key", 5);
        for (var id : List.of(alphaWeb, betaWeb)) {
            await(() -> admin.get("/api/machines/" + id), r -> "Running".equals(r.text("state"))
                    && !r.json().path("caFingerprint").isNull());
        }
    }

    @AfterAll
    static void stop() {
        platform.close();
    }

    private static void user(String name, String displayName, String... memberships) {
        var admin = platform.admin();
        var id = admin.post("/api/users", """
                {"username":"%s","displayName":"%s"}""".formatted(name, displayName)).text("userId");
        assertThat(admin.put("/api/users/" + id + "/password", "{\"password\":\"" + PASSWORD + "\"}").status())
                .isEqualTo(204);
        for (var membership : memberships) {
            var team = membership.substring(0, membership.indexOf(':'));
            var role = membership.substring(membership.indexOf(':') + 1);
            assertThat(admin.post("/api/teams/" + team + "/members", """
                    {"userId":"%s","role":"%s"}""".formatted(id, role)).status()).isEqualTo(200);
        }
    }

    /** A none machine at a loopback port nobody listens on: the reconciler is off, so it stays Running. */
    private static String create(String team, String name, int port) {
        var created = platform.admin().post("/api/machines", """
                {"team":"%s","name":"%s","driver":"none","driverOptions":{"url":"tcp://127.0.0.1:%d"}}"""
                .formatted(team, name, 40000 + port));
        assertThat(created.status()).as(created.body()).isEqualTo(202);
        return created.text("machineId");
    }

    private static ApiClient as(String user) {
        return platform.as(user, PASSWORD);
    }

    @Test
    void me_withBasic_saysPasswordAndListsTheTeamsWithRoles() {
        var me = as("ada").get("/api/me");

        assertThat(me.status()).isEqualTo(200);
        var json = me.json();
        assertThat(json.path("username").asString()).isEqualTo("ada");
        assertThat(json.path("displayName").asString()).isEqualTo("Ada Lovelace");
        assertThat(json.path("platformAdmin").asBoolean()).isFalse();
        assertThat(json.path("authenticatedBy").asString()).isEqualTo("password");
        assertThat(json.path("token").isNull()).isTrue();
        assertThat(json.path("teams").toString())
                .isEqualTo("[{\"teamId\":\"" + alpha + "\",\"name\":\"alpha\",\"role\":\"MEMBER\"},"
                        + "{\"teamId\":\"" + beta + "\",\"name\":\"beta\",\"role\":\"MEMBER\"}]");
        assertThat(platform.admin().get("/api/me").json().path("platformAdmin").asBoolean()).isTrue();
        assertThat(platform.anonymous().get("/api/me").status()).isEqualTo(401);
    }

    @Test
    void me_withAToken_namesTheToken_soTheClientCanRevokeExactlyIt() {
        var issued = as("ada").post("/api/tokens", "{\"name\":\"workstation\",\"expiresInDays\":7}");
        assertThat(issued.status()).isEqualTo(201);
        var asToken = TokenClient.bearer(platform, issued.text("token"));

        var me = asToken.get("/api/me");

        assertThat(me.status()).isEqualTo(200);
        assertThat(me.text("authenticatedBy")).isEqualTo("token");
        assertThat(me.text("userId")).isEqualTo(as("ada").get("/api/me").text("userId"));
        var token = me.json().path("token");
        assertThat(token.path("tokenId").asString()).isEqualTo(issued.text("tokenId"));
        assertThat(token.path("name").asString()).isEqualTo("workstation");
        assertThat(Instant.parse(token.path("expiresAt").asString())).isEqualTo(Instant.parse(issued.text("expiresAt")));
        assertThat(me.body()).doesNotContain(issued.text("token"));

        // hm logout: revoke the token it signed in with, using that very token
        assertThat(asToken.delete("/api/tokens/" + token.path("tokenId").asString()).status()).isEqualTo(204);
        assertThat(asToken.get("/api/me").status()).isEqualTo(401);
    }

    @Test
    void byName_aNameInTwoOfMyTeams_isAmbiguous_andNamingTheTeamPicksOne() {
        var ambiguous = as("ada").get("/api/machines/by-name?name=web-1");

        assertThat(ambiguous.status()).isEqualTo(409);
        assertThat(ambiguous.contentType()).startsWith("application/problem+json");
        assertThat(ambiguous.text("type")).endsWith("/ambiguous-machine-name");
        assertThat(ambiguous.text("detail")).isEqualTo("There is a machine named web-1 in teams alpha and beta; name "
                + "one of them as alpha/web-1 or beta/web-1.");
        assertThat(ambiguous.json().path("teams").toString()).isEqualTo("[\"alpha\",\"beta\"]");

        var byTeamName = as("ada").get("/api/machines/by-name?name=WEB-1&team=alpha");
        assertThat(byTeamName.status()).isEqualTo(200);
        assertThat(byTeamName.text("id")).isEqualTo(alphaWeb);
        assertThat(byTeamName.etag()).isEqualTo(as("ada").get("/api/machines/" + alphaWeb).etag());
        var byTeamId = as("ada").get("/api/machines/by-name?name=web-1&team=" + beta);
        assertThat(byTeamId.text("id")).isEqualTo(betaWeb);
        assertThat(byTeamId.text("teamName")).isEqualTo("beta");
    }

    @Test
    void byName_aNameInOneVisibleTeam_isFound_asTheViewerSeesIt_butNotByOutsiders() {
        var viewer = as("vic").get("/api/machines/by-name?name=web-1");
        assertThat(viewer.status()).as("vic is only in alpha").isEqualTo(200);
        assertThat(viewer.text("id")).isEqualTo(alphaWeb);
        assertThat(viewer.text("ipAddress")).isEqualTo("127.0.0.1");
        assertThat(viewer.etag()).isNotBlank();

        var outsider = as("olga").get("/api/machines/by-name?name=web-1");
        assertThat(outsider.status()).isEqualTo(404);
        assertThat(outsider.contentType()).startsWith("application/problem+json");
        assertThat(outsider.text("detail")).isEqualTo("No machine named 'web-1' in your teams. See the machines you "
                + "can use with hm ls (GET /api/machines).");
        assertThat(as("ada").get("/api/machines/by-name?name=web-9").status()).isEqualTo(404);
        assertThat(as("ada").get("/api/machines/by-name?name=solo-1&team=beta").status()).isEqualTo(404);
        assertThat(platform.admin().get("/api/machines/by-name?name=solo-1").status()).isEqualTo(200);

        for (var name : new String[] {"history", "ssh-public-key"}) {
            var found = as("ada").get("/api/machines/by-name?name=" + name);
            assertThat(found.status()).as(found.body()).isEqualTo(200);
            assertThat(found.text("name")).isEqualTo(name);
        }

        var invalid = as("ada").get("/api/machines/by-name?name=" + URLEncoder.encode("web 1!", StandardCharsets.UTF_8));
        assertThat(invalid.status()).isEqualTo(400);
        assertThat(invalid.text("detail")).contains("Machine name must match");
    }

    @Test
    void clientCertificate_isJsonSignedByTheCaItNames_whoseFingerprintIsTheMachines_andNeverCached() throws Exception {
        var response = raw("ada", "POST", "/api/machines/" + alphaWeb + "/client-certificate");

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/json");
        assertThat(response.headers().firstValue("Cache-Control")).contains("no-store");
        var json = JSON.readTree(response.body());
        assertThat(json.path("machineName").asString()).isEqualTo("web-1");
        assertThat(json.path("dockerUrl").asString()).isEqualTo("tcp://127.0.0.1:40001");
        var ca = certificate(json.path("caPem").asString());
        var cert = certificate(json.path("certPem").asString());
        cert.verify(ca.getPublicKey());
        assertThat(json.path("keyPem").asString()).startsWith("-----BEGIN ").contains("PRIVATE KEY-----");
        assertThat(cert.getSerialNumber()).isEqualTo(new java.math.BigInteger(json.path("serial").asString(), 16));
        assertThat(Instant.parse(json.path("notAfter").asString())).isEqualTo(cert.getNotAfter().toInstant());

        var fingerprint = HexFormat.ofDelimiter(":").withUpperCase()
                .formatHex(MessageDigest.getInstance("SHA-256").digest(ca.getEncoded()));
        assertThat(json.path("caFingerprint").asString()).isEqualTo(fingerprint);
        assertThat(as("ada").get("/api/machines/" + alphaWeb).text("caFingerprint")).isEqualTo(fingerprint);

        var issuedEvent = await(() -> as("ada").get("/api/machines/" + alphaWeb + "/history"),
                r -> r.body().contains("ClientCertIssued"));
        assertThat(issuedEvent.body()).contains("ClientCertIssued");
        var key = json.path("keyPem").asString();
        var keyBody = key.lines().filter(line -> !line.startsWith("-----")).reduce("", String::concat);
        var stored = everythingStored();
        assertThat(stored).doesNotContain(keyBody.substring(0, 40), "PRIVATE KEY-----");
    }

    @Test
    void clientCertificate_aViewerGetsA403SayingWhyAndWhatToAskFor_andAnOutsiderA404() throws Exception {
        var viewer = raw("vic", "POST", "/api/machines/" + alphaWeb + "/client-certificate");
        assertThat(viewer.statusCode()).isEqualTo(403);
        var problem = JSON.readTree(viewer.body());
        assertThat(problem.path("detail").asString()).isEqualTo("You get no client certificate for machine 'web-1' "
                + "because you may only view it (a certificate could run anything on its Docker Engine): ask an "
                + "owner of its team for the MEMBER role, or its holder for a MEMBER share.");
        assertThat(viewer.body()).doesNotContain("BEGIN");

        assertThat(raw("olga", "POST", "/api/machines/" + alphaWeb + "/client-certificate").statusCode())
                .isEqualTo(404);
    }

    private static HttpResponse<String> raw(String user, String method, String path) throws Exception {
        var request = HttpRequest.newBuilder(URI.create(platform.baseUrl() + path)).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Basic " + Base64.getEncoder()
                        .encodeToString((user + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8)))
                .method(method, HttpRequest.BodyPublishers.noBody()).build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
    }

    private static X509Certificate certificate(String pem) throws Exception {
        return (X509Certificate) CertificateFactory.getInstance("X.509")
                .generateCertificate(new ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII)));
    }

    /** Every event (payload and metadata) and every row of every table but the credentials' own, as text. */
    private static String everythingStored() {
        var jdbc = platform.jdbc();
        var text = new StringBuilder();
        jdbc.sql("SELECT convert_from(payload, 'UTF8') || convert_from(meta_data, 'UTF8') FROM domain_event_entry")
                .query(String.class).list().forEach(text::append);
        var tables = jdbc.sql("SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' "
                + "AND table_type = 'BASE TABLE' AND table_name NOT IN ('sec_account', 'sec_api_token')")
                .query(String.class).list();
        for (var table : tables) {
            jdbc.sql("SELECT t::text FROM " + table + " t").query(String.class).list().forEach(text::append);
        }
        return text.toString();
    }
}
