package io.harbormaster.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.harbormaster.cli.StubServer.Answer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** hm context against a stub of the REST API: the files it writes into docker's context store. */
class HmContextTest {

    private static final String ID = "3f0c8a52-0d5e-4c57-b5a0-6f1f2c9d7e31";
    // the workstation library checks the PEM kinds only; docker itself is exercised end to end
    private static final String CA = "-----BEGIN CERTIFICATE-----\nQ0E=\n-----END CERTIFICATE-----\n";
    private static final String CERT = "-----BEGIN CERTIFICATE-----\nQ0VSVA==\n-----END CERTIFICATE-----\n";
    private static final String KEY = "-----BEGIN PRIVATE KEY-----\nS0VZ\n-----END PRIVATE KEY-----\n";

    private final StubServer server = new StubServer();

    @TempDir
    Path home;

    @AfterEach
    void stop() {
        server.close();
    }

    private Map<String, String> signedIn() {
        return Map.of("HM_URL", server.url(), "HM_TOKEN", "hm_pat_test");
    }

    private void serve(int certificateStatus) {
        server.answer(request -> switch (request.method() + " " + request.uri().getPath()) {
            case "GET /api/machines/by-name" -> Answer.json("""
                    {"id":"%s","teamId":"5f1b3c0e-2d7a-4d2e-8f57-3c6b1e2a9d10","teamName":"platform","name":"web-1",\
                    "driver":"generic","state":"Running","dockerUrl":"tcp://10.213.0.5:2376","shares":[],\
                    "createdAt":"2026-12-01T00:00:00Z","updatedAt":"2026-12-01T00:00:00Z","version":7}""".formatted(ID));
            case "POST /api/machines/" + ID + "/client-certificate" -> certificateStatus == 200 ? Answer.json("""
                    {"machineName":"web-1","dockerUrl":"tcp://10.213.0.5:2376","caPem":%s,"certPem":%s,"keyPem":%s,\
                    "serial":"01","notAfter":"2026-12-08T00:00:00Z","caFingerprint":"AA"}"""
                    .formatted(quoted(CA), quoted(CERT), quoted(KEY)))
                    : Answer.problem(certificateStatus, """
                            {"title":"Forbidden","status":403,"detail":"You get no client certificate for machine \
                            'web-1' because you may only view it."}""");
            default -> Answer.problem(404, "{}");
        });
    }

    private static String quoted(String text) {
        return "\"" + text.replace("\n", "\\n") + "\"";
    }

    private static String id(String name) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest(name.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void writesTheContextIntoDockersStoreWithAFreshCertificate() throws Exception {
        serve(200);

        var result = Hm.runAt(home, signedIn(), "", "context", "web-1");

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out()).isEqualTo("Context \"web-1\" points at tcp://10.213.0.5:2376 with a certificate "
                + "valid until 2026-12-08T00:00:00Z: docker --context web-1 ps\n");
        var meta = home.resolve(".docker/contexts/meta/" + id("web-1") + "/meta.json");
        assertThat(Files.readString(meta)).isEqualTo("{\"Name\":\"web-1\",\"Metadata\":{\"Description\":"
                + "\"Harbormaster machine web-1 (team platform)\"},\"Endpoints\":{\"docker\":{\"Host\":"
                + "\"tcp://10.213.0.5:2376\",\"SkipTLSVerify\":false}}}");
        assertThat(Files.readString(home.resolve(".docker/contexts/tls/" + id("web-1") + "/docker/key.pem")))
                .isEqualTo(KEY);
        assertThat(result.out() + result.err()).doesNotContain("S0VZ");
    }

    @Test
    void dockerConfigMovesTheStore_andNameRenamesTheContext() throws Exception {
        serve(200);
        var config = home.resolve("elsewhere");

        var result = Hm.runAt(home, Map.of("HM_URL", server.url(), "HM_TOKEN", "t", "DOCKER_CONFIG",
                config.toString()), "", "context", "web-1", "--name", "prod-web");

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(config.resolve("contexts/meta/" + id("prod-web") + "/meta.json")).exists();
    }

    @Test
    void aViewerIsToldWhyThereIsNoContext() throws IOException {
        serve(403);

        var result = Hm.runAt(home, signedIn(), "", "context", "web-1");

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err()).isEqualTo("web-1: no client certificate for you: You get no client certificate for "
                + "machine 'web-1' because you may only view it.\n");
        assertThat(home.resolve(".docker")).doesNotExist();
    }

    @Test
    void namesOrAllButNotNeither() {
        var result = Hm.runAt(home, signedIn(), "", "context");

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err()).isEqualTo("Name the machines, or give --all: hm context web-1, or hm context --all\n");
    }
}
