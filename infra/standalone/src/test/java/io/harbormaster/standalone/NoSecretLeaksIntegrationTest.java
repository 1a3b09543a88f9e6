package io.harbormaster.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * After a scenario that sets passwords, signs in with right and wrong ones, issues, uses, revokes and guesses API
 * tokens, runs machine commands and imports a docker-machine machine with its CA, server and SSH keys, no password,
 * token, password hash, token hash or imported key appears in the event store, in any other table, or in anything the
 * process printed. The hashes live only in sec_account and sec_api_token, the keys in the sealed secret store.
 */
@ExtendWith(OutputCaptureExtension.class)
class NoSecretLeaksIntegrationTest {

    private static final String USER_PASSWORD = "grace-secret-Pa55word-7f3c";
    private static final String WRONG_PASSWORD = "grace-wrong-Pa55word-91aa";
    private static final String WRONG_TOKEN = "hm_guessed-token-5b1e0c9d7a2f4e6b8c0d1e2f3a4b5c6d7e8f9a0b";

    @Test
    void passwordsAndHashesStayOutOfEventsTablesAndLogs(CapturedOutput output,
                                                        @org.junit.jupiter.api.io.TempDir java.nio.file.Path store) {
        try (var platform = RunningPlatform.startOnFreshDatabase()) {
            var admin = platform.admin();
            var team = MachineLifecycleIntegrationTest.defaultTeamId(admin);
            var grace = admin.post("/api/users", """
                    {"username":"grace","displayName":"Grace","platformAdmin":false}""").text("userId");
            assertThat(admin.put("/api/users/" + grace + "/password", """
                    {"password":"%s"}""".formatted(USER_PASSWORD)).status()).isEqualTo(204);
            admin.post("/api/teams/" + team + "/members", """
                    {"userId":"%s","role":"MEMBER"}""".formatted(grace));
            var asGrace = platform.as("grace", USER_PASSWORD);
            var id = asGrace.post("/api/machines", BadInputIntegrationTest.machine(team, "leak-1", "none", "tcp://10.213.0.70:2376"))
                    .text("machineId");
            ApiClient.await(() -> asGrace.get("/api/machines/" + id), r -> "Running".equals(r.text("state")));
            asGrace.post("/api/machines/" + id + "/stop", null);
            assertThat(platform.as("grace", WRONG_PASSWORD).get("/api/machines").status()).isEqualTo(401);
            var issued = TokenClient.basic(platform, "grace", USER_PASSWORD).post("/api/tokens", """
                    {"name":"leak-check","expiresInDays":5}""");
            assertThat(issued.status()).isEqualTo(201);
            var token = issued.text("token");
            var asToken = TokenClient.bearer(platform, token);
            ApiClient.await(() -> asGrace.get("/api/machines/" + id), r -> "Stopped".equals(r.text("state")));
            assertThat(asToken.post("/api/machines/" + id + "/start", null).status()).isLessThan(300);
            assertThat(asToken.get("/api/machines/" + id).status()).isEqualTo(200);
            assertThat(TokenClient.bearer(platform, WRONG_TOKEN).get("/api/machines").status()).isEqualTo(401);
            assertThat(asToken.delete("/api/tokens/" + issued.text("tokenId")).status()).isEqualTo(204);
            assertThat(asToken.get("/api/machines").status()).isEqualTo(401);
            // A password refused by the policy is not echoed back.
            var tooShort = admin.put("/api/users/" + grace + "/password", """
                    {"password":"short-pw-x"}""");
            assertThat(tooShort.status()).isEqualTo(400);
            assertThat(tooShort.body()).doesNotContain("short-pw-x");

            var imported = importGenericMachine(asGrace, team, store);
            assertThat(imported.status()).as(imported.body()).isEqualTo(201);

            var hashes = platform.jdbc().sql("SELECT password_hash FROM sec_account WHERE password_hash IS NOT NULL")
                    .query(String.class).list();
            assertThat(hashes).hasSize(2);
            var tokenHashes = platform.jdbc().sql("SELECT token_hash FROM sec_api_token").query(String.class).list();
            assertThat(tokenHashes).hasSize(1);
            var secrets = new ArrayList<>(List.of(USER_PASSWORD, WRONG_PASSWORD, RunningPlatform.ADMIN_PASSWORD, token,
                    WRONG_TOKEN, token.substring(3, 23)));
            secrets.addAll(hashes);
            secrets.addAll(tokenHashes);
            secrets.addAll(importedKeys);

            var stored = everythingStoredExceptSecretTables(platform);
            var printed = output.getAll();
            for (var secret : secrets) {
                assertThat(stored).as("tables").doesNotContain(secret);
                assertThat(printed).as("log").doesNotContain(secret);
            }
            assertThat(stored).contains("grace", "leak-1", "leak-check", issued.text("tokenId"), "leak-import");
        }
    }

    /** Slices of the keys an import sent: the docker-machine CA's, the server's, the SSH key's, the client's. */
    private static final List<String> importedKeys = new ArrayList<>();

    /** Grace imports a generic machine of a docker-machine store (nothing is contacted; the keys are what matters). */
    private static ApiClient.Response importGenericMachine(ApiClient asGrace, String team, java.nio.file.Path directory) {
        var key = TestHostMachines.newKey(directory, "id_ed25519");
        var store = io.harbormaster.testing.DockerMachineStoreWriter.create(directory.resolve("machine"), "grace");
        var written = store.generic("leak-import", "10.213.0.71", "root", 22, key,
                io.harbormaster.testing.DockerMachineStoreWriter.Engine.defaults());
        var machine = ((io.harbormaster.workstation.dockermachine.StoreReading.Readable)
                io.harbormaster.workstation.dockermachine.DockerMachineStore.at(store.store())
                        .read("leak-import", null)).machine();
        var material = machine.material();
        importedKeys.addAll(List.of(TestHostMachines.bodySlice(material.caKey()),
                TestHostMachines.bodySlice(written.server().keyPem()),
                TestHostMachines.bodySlice(TestHostMachines.read(key)),
                TestHostMachines.bodySlice(store.client().keyPem())));
        var tls = new java.util.LinkedHashMap<String, Object>();
        tls.put("caCert", material.caCert());
        tls.put("caKey", material.caKey());
        tls.put("serverCert", material.serverCert());
        tls.put("serverKey", material.serverKey());
        tls.put("clientCert", material.clientCert());
        var body = new java.util.LinkedHashMap<String, Object>();
        body.put("team", team);
        body.put("name", "leak-import");
        body.put("driver", machine.driverName());
        body.put("driverSettings", machine.settings().kept());
        body.put("tls", tls);
        body.put("sshKey", material.sshKey());
        body.put("workstation", "grace-laptop");
        body.put("storePath", store.store().toString());
        return asGrace.post("/api/machines/import",
                tools.jackson.databind.json.JsonMapper.builder().build().writeValueAsString(body));
    }

    /** Every row of every table but the two that must hold the hashes, as text, events decoded. */
    static String everythingStoredExceptSecretTables(RunningPlatform platform) {
        var jdbc = platform.jdbc();
        var text = new StringBuilder();
        jdbc.sql("SELECT convert_from(payload, 'UTF8') || convert_from(meta_data, 'UTF8') FROM domain_event_entry")
                .query(String.class).list().forEach(text::append);
        var tables = jdbc.sql("SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' "
                + "AND table_type = 'BASE TABLE' AND table_name NOT IN ('sec_account', 'sec_api_token')").query(String.class).list();
        for (var table : tables) {
            jdbc.sql("SELECT t::text FROM " + table + " t").query(String.class).list().forEach(text::append);
        }
        return text.toString();
    }
}
