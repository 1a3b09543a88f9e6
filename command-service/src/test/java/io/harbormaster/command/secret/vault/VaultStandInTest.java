package io.harbormaster.command.secret.vault;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * The stand-in's answers to what the adapter does not send itself (the LIST method, metadata reads) follow the shapes
 * of Vault's API documentation, so a test that passes against it means something.
 */
class VaultStandInTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final VaultStandIn vault = VaultStandIn.start();
    private final HttpClient http = HttpClient.newHttpClient();

    @AfterAll
    static void stop() {
        vault.close();
    }

    @Test
    void writesAnswerTheNewVersionAndMetadataListsEveryVersion() throws Exception {
        var first = send("POST", "secret/data/app/one", "{\"data\":{\"k\":\"v1\"}}", vault.rootToken());
        send("PUT", "secret/data/app/one", "{\"data\":{\"k\":\"v2\"}}", vault.rootToken());

        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(json(first).at("/data/version").asInt()).isEqualTo(1);
        var metadata = json(send("GET", "secret/metadata/app/one", null, vault.rootToken()));
        assertThat(metadata.at("/data/current_version").asInt()).isEqualTo(2);
        assertThat(metadata.at("/data/versions").has("1")).isTrue();
        assertThat(metadata.at("/data/versions/2/destroyed").asBoolean()).isFalse();
        var old = json(send("GET", "secret/data/app/one?version=1", null, vault.rootToken()));
        assertThat(old.at("/data/data/k").asText()).isEqualTo("v1");
        assertThat(old.at("/data/metadata/version").asInt()).isEqualTo(1);
    }

    @Test
    void theListMethodAndGetWithListTrueAnswerTheSameKeys() throws Exception {
        send("POST", "secret/data/folder/a", "{\"data\":{}}", vault.rootToken());
        send("POST", "secret/data/folder/sub/b", "{\"data\":{}}", vault.rootToken());

        var listed = json(send("LIST", "secret/metadata/folder", null, vault.rootToken()));
        var viaGet = json(send("GET", "secret/metadata/folder?list=true", null, vault.rootToken()));

        assertThat(listed.at("/data/keys").toString()).isEqualTo("[\"a\",\"sub/\"]");
        assertThat(viaGet.at("/data/keys")).isEqualTo(listed.at("/data/keys"));
        assertThat(send("LIST", "secret/metadata/nothing", null, vault.rootToken()).statusCode()).isEqualTo(404);
    }

    @Test
    void aWrongTokenIsPermissionDeniedAndHealthNeedsNoToken() throws Exception {
        var denied = send("GET", "auth/token/lookup-self", null, "wrong");
        var health = send("GET", "sys/health", null, null);

        assertThat(denied.statusCode()).isEqualTo(403);
        assertThat(json(denied).at("/errors/0").asText()).isEqualTo("permission denied");
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(json(health).get("sealed").asBoolean()).isFalse();
        assertThat(json(send("GET", "auth/token/lookup-self", null, vault.rootToken())).at("/data/policies/0")
                .asText()).isEqualTo("root");
    }

    @Test
    void sealedItAnswers503WithVaultsMessage() throws Exception {
        vault.seal();
        try {
            var read = send("GET", "secret/data/app/one", null, vault.rootToken());
            var health = send("GET", "sys/health", null, null);

            assertThat(read.statusCode()).isEqualTo(503);
            assertThat(json(read).at("/errors/0").asText()).isEqualTo("Vault is sealed");
            assertThat(health.statusCode()).isEqualTo(503);
            assertThat(json(health).get("sealed").asBoolean()).isTrue();
        } finally {
            vault.unseal();
        }
    }

    private HttpResponse<String> send(String method, String path, String body, String token) throws Exception {
        var request = HttpRequest.newBuilder(URI.create(vault.address() + "/v1/" + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            request.header("X-Vault-Token", token);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode json(HttpResponse<String> response) throws Exception {
        return JSON.readTree(response.body());
    }
}
