package io.harbormaster.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.harbormaster.cli.StubServer.Answer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HmEnvTest {

    private static final String ID = "3f0c8a52-0d5e-4c57-b5a0-6f1f2c9d7e31";
    private static final String KEY = "-----BEGIN PRIVATE KEY-----\nMC4CAQAwBQYDK2VwBCIEIKeyMaterialForTests\n-----END PRIVATE KEY-----\n";

    private final StubServer server = new StubServer();
    private final AtomicReference<String> currentCa = new AtomicReference<>("AA:BB:CC");
    private final AtomicReference<Instant> notAfter = new AtomicReference<>(
            Instant.now().plus(24, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS));

    @TempDir
    Path home;

    private Map<String, String> environment;

    @BeforeEach
    void serve() {
        environment = Map.of("HM_URL", server.url(), "HM_TOKEN", "hm_pat_test", "SHELL", "/bin/bash");
        server.answer(request -> switch (request.method() + " " + request.uri().getPath()) {
            case "GET /api/machines/by-name" -> request.uri().getQuery().startsWith("name=web-1")
                    ? Answer.json(machine("Running", "tcp://10.213.0.5:2376"))
                    : Answer.problem(404, """
                            {"title":"Not found","status":404,"detail":"No machine named 'nope' in your teams"}""");
            case "POST /api/machines/" + ID + "/client-certificate" -> Answer.json("""
                    {"machineName":"web-1","dockerUrl":"tcp://10.213.0.5:2376","caPem":"CA %s\\n",\
                    "certPem":"CERT\\n","keyPem":%s,"serial":"01","notAfter":"%s","caFingerprint":"%s"}"""
                    .formatted(currentCa.get(), quoted(KEY), notAfter.get(), currentCa.get()));
            default -> Answer.problem(404, """
                    {"title":"Not found","status":404,"detail":"No machine named 'nope' in your teams"}""");
        });
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private String machine(String state, String url) {
        return """
                {"id":"%s","teamId":"5f1b3c0e-2d7a-4d2e-8f57-3c6b1e2a9d10","teamName":"default","name":"web-1",\
                "driver":"generic","driverOptions":{"ip-address":"10.213.0.5"},"state":"%s","dockerUrl":%s,\
                "shares":[],"createdAt":"2026-12-01T00:00:00Z","updatedAt":"2026-12-01T00:00:00Z","version":7,\
                "caFingerprint":"%s"}"""
                .formatted(ID, state, url == null ? "null" : "\"" + url + "\"", currentCa.get().toLowerCase()
                        .replace(":", ""));
    }

    private static String quoted(String text) {
        return "\"" + text.replace("\n", "\\n") + "\"";
    }

    private Path folder() {
        return home.resolve(".config/harbormaster/machines/" + ID);
    }

    private long certificateRequests() {
        return server.requests.stream().filter(r -> r.uri().getPath().endsWith("/client-certificate")).count();
    }

    @Test
    void printsDockerMachinesEnvWithTheCachedCertificateFolder() throws IOException {
        var result = Hm.runAt(home, environment, "", "env", "web-1");

        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).isEqualTo("""
                export DOCKER_TLS_VERIFY="1"
                export DOCKER_HOST="tcp://10.213.0.5:2376"
                export DOCKER_CERT_PATH="%s"
                export DOCKER_MACHINE_NAME="web-1"
                # Run this command to configure your shell: \n\
                # eval $(hm env web-1)
                """.formatted(folder()));
        assertThat(Files.readString(folder().resolve("key.pem"))).isEqualTo(KEY);
        assertThat(Files.readString(folder().resolve("ca.pem"))).isEqualTo("CA AA:BB:CC\n");
        for (var file : new String[] {"ca.pem", "cert.pem", "key.pem"}) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(folder().resolve(file))))
                    .isEqualTo("rw-------");
        }
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(folder()))).isEqualTo("rwx------");
        assertThat(result.out() + result.err()).doesNotContain("KeyMaterialForTests");
    }

    @Test
    void aCachedCertificateIsReusedWithoutAskingForANewOne() {
        Hm.runAt(home, environment, "", "env", "web-1");
        Hm.runAt(home, environment, "", "env", "web-1");

        assertThat(certificateRequests()).isEqualTo(1);
    }

    @Test
    void givenTheMachinesCaWasRotatedByAHandOff_thenANewCertificateIsFetched() throws IOException {
        Hm.runAt(home, environment, "", "env", "web-1");
        currentCa.set("DD:EE:FF");

        var result = Hm.runAt(home, environment, "", "env", "web-1");

        assertThat(result.exitCode()).isZero();
        assertThat(certificateRequests()).isEqualTo(2);
        assertThat(Files.readString(folder().resolve("ca.pem"))).isEqualTo("CA DD:EE:FF\n");
    }

    @Test
    void givenTheCertificateExpiresWithinTheHour_thenANewOneIsFetched() {
        notAfter.set(Instant.now().plus(30, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.SECONDS));
        Hm.runAt(home, environment, "", "env", "web-1");
        notAfter.set(Instant.now().plus(24, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS));

        Hm.runAt(home, environment, "", "env", "web-1");
        Hm.runAt(home, environment, "", "env", "web-1");

        assertThat(certificateRequests()).isEqualTo(2);
    }

    @Test
    void givenAMissingKeyFile_thenTheCertificateIsFetchedAgain() throws IOException {
        Hm.runAt(home, environment, "", "env", "web-1");
        Files.delete(folder().resolve("key.pem"));

        Hm.runAt(home, environment, "", "env", "web-1");

        assertThat(certificateRequests()).isEqualTo(2);
        assertThat(folder().resolve("key.pem")).exists();
    }

    @Test
    void aViewerIsToldInOneLineWhyThereIsNoCertificate() {
        server.answer(request -> request.uri().getPath().endsWith("/client-certificate")
                ? Answer.problem(403, """
                        {"title":"Forbidden","status":403,"detail":"Viewers of a machine get no client certificate; \
                        ask a team owner to make you a member or to share the machine with you as a user."}""")
                : Answer.json(machine("Running", "tcp://10.213.0.5:2376")));

        var result = Hm.runAt(home, environment, "", "env", "web-1");

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.out()).isEmpty();
        assertThat(result.err()).isEqualTo("No client certificate for you on web-1: Viewers of a machine get no "
                + "client certificate; ask a team owner to make you a member or to share the machine with you as a "
                + "user.\n");
    }

    @Test
    void anUnknownMachineIsNamedAsDockerMachineNamesIt() {
        var result = Hm.runAt(home, environment, "", "env", "nope");

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err()).isEqualTo("Host does not exist: \"nope\" (No machine named 'nope' in your teams)\n");
    }

    @Test
    void aMachineWithoutADockerUrlYetSaysToWait() {
        server.answer(request -> Answer.json(machine("Creating", null)));

        var result = Hm.runAt(home, environment, "", "env", "web-1");

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err()).isEqualTo("Machine \"web-1\" has no Docker URL yet (state Creating). Wait until it "
                + "is Running (hm status web-1) and run hm env again.\n");
    }

    @Test
    void teamSlashNameAsksForTheMachineInThatTeam() {
        Hm.runAt(home, environment, "", "env", "default/web-1");

        assertThat(server.requests.getFirst().uri().getQuery()).isEqualTo("name=web-1&team=default");
    }

    @Test
    void theShellComesFromShellWhenNotNamed_andFishGetsFishSyntax() {
        var result = Hm.runAt(home, Map.of("HM_URL", server.url(), "HM_TOKEN", "t", "SHELL", "/usr/bin/fish"), "",
                "env", "web-1");

        assertThat(result.out()).startsWith("set -gx DOCKER_TLS_VERIFY \"1\";\n")
                .endsWith("# eval (hm env web-1)\n");
    }

    @Test
    void zshGetsBashSyntax() {
        var result = Hm.runAt(home, environment, "", "env", "web-1", "--shell", "zsh");

        assertThat(result.out()).startsWith("export DOCKER_TLS_VERIFY=\"1\"\n")
                .endsWith("# eval $(hm env --shell zsh web-1)\n");
    }

    @Test
    void unsetNeedsNoServer() {
        server.close();

        var result = Hm.runAt(home, environment, "", "env", "-u", "--shell", "bash");

        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).startsWith("unset DOCKER_TLS_VERIFY\nunset DOCKER_HOST\n");
    }

    @Test
    void configPrintsTheDockerClientsFlags() {
        var result = Hm.runAt(home, environment, "", "config", "web-1");

        assertThat(result.out()).isEqualTo("""
                --tlsverify
                --tlscacert="%1$s/ca.pem"
                --tlscert="%1$s/cert.pem"
                --tlskey="%1$s/key.pem"
                -H=tcp://10.213.0.5:2376
                """.formatted(folder()));
    }
}
