package io.harbormaster.command.cert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsExchange;
import com.sun.net.httpserver.HttpsParameters;
import com.sun.net.httpserver.HttpsServer;
import java.io.File;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLPeerUnverifiedException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real docker CLI (Go's crypto/tls, the same code dockerd uses) against a stand-in daemon that answers the two
 * calls {@code docker version} makes over mutual TLS with our server certificate. Proves Go loads our PKCS#8 keys,
 * trusts our CA, matches our IP names and presents our client certificate, not only Java and OpenSSL.
 */
class DockerCliTrustTest {

    private static final Optional<Path> DOCKER = Stream.of(
                    System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
            .filter(directory -> !directory.isBlank())
            .map(directory -> Path.of(directory, "docker"))
            .filter(Files::isExecutable)
            .findFirst();
    private static final String DAEMON_VERSION = "99.0.0-harbormaster-test";

    private final CertificateAuthority authority = new CertificateAuthority();
    private final List<String> clientsSeen = new CopyOnWriteArrayList<>();
    private Path directory;

    @BeforeEach
    void docker(@TempDir Path directory) {
        assumeTrue(DOCKER.isPresent(), "needs the docker CLI on the PATH");
        this.directory = directory;
    }

    @EcdsaAndRsa
    void theDockerCliTrustsTheServerCertificateAndPresentsTheClientCertificate(KeyAlgorithm algorithm) throws Exception {
        var ca = authority.createCa("build-1", algorithm);
        var server = authority.issueServer(ca, "build-1", List.of("127.0.0.1"), CertificatePolicy.defaults());
        var client = authority.issueClient(ca, "alice", "ops", Duration.ofHours(1));

        var daemon = startDaemon(TlsContexts.of(server.certificatePem(), server.privateKeyPem(), ca.certificatePem()));
        try {
            var result = dockerVersion(daemon.getAddress().getPort(), ca, client);

            assertThat(result.output()).isEqualTo(DAEMON_VERSION + "\n");
            assertThat(result.exitCode()).isZero();
            assertThat(clientsSeen).isNotEmpty().allMatch("CN=alice,OU=ops,O=Harbormaster"::equals);
        } finally {
            daemon.stop(0);
        }
    }

    @EcdsaAndRsa
    void theDockerCliRefusesAServerCertificateThatDoesNotNameTheAddress(KeyAlgorithm algorithm) throws Exception {
        var ca = authority.createCa("build-1", algorithm);
        var server = authority.issueServer(ca, "build-1", List.of("10.0.0.7"), CertificatePolicy.defaults());
        var client = authority.issueClient(ca, "alice", "ops", Duration.ofHours(1));

        var daemon = startDaemon(TlsContexts.of(server.certificatePem(), server.privateKeyPem(), ca.certificatePem()));
        try {
            var result = dockerVersion(daemon.getAddress().getPort(), ca, client);

            assertThat(result.exitCode()).isNotZero();
            assertThat(result.output()).contains("x509: certificate is valid for 10.0.0.7, not 127.0.0.1");
            assertThat(clientsSeen).isEmpty();
        } finally {
            daemon.stop(0);
        }
    }

    @EcdsaAndRsa
    void theDaemonRefusesTheDockerCliWithAClientCertificateOfTheRotatedCa(KeyAlgorithm algorithm) throws Exception {
        var rotated = authority.createCa("build-1", algorithm);
        var current = authority.createCa("build-1", algorithm);
        var server = authority.issueServer(current, "build-1", List.of("127.0.0.1"), CertificatePolicy.defaults());
        var formerMember = authority.issueClient(rotated, "bob", "ops", Duration.ofHours(1));

        var daemon = startDaemon(TlsContexts.of(server.certificatePem(), server.privateKeyPem(),
                current.certificatePem()));
        try {
            var result = dockerVersion(daemon.getAddress().getPort(), current, formerMember);

            assertThat(result.exitCode()).isNotZero();
            assertThat(result.output()).contains("remote error: tls: unknown certificate")
                    .doesNotContain(DAEMON_VERSION);
            assertThat(clientsSeen).isEmpty();
        } finally {
            daemon.stop(0);
        }
    }

    private record Result(int exitCode, String output) {
    }

    private Result dockerVersion(int port, MachineCa ca, IssuedCertificate client) throws Exception {
        Files.writeString(directory.resolve("ca.pem"), ca.certificatePem());
        Files.writeString(directory.resolve("cert.pem"), client.certificatePem());
        Files.writeString(directory.resolve("key.pem"), client.privateKeyPem());
        var builder = new ProcessBuilder(DOCKER.orElseThrow().toString(), "--host", "tcp://127.0.0.1:" + port, "--tlsverify",
                "--tlscacert", "ca.pem", "--tlscert", "cert.pem", "--tlskey", "key.pem",
                "version", "--format", "{{.Server.Version}}")
                .directory(directory.toFile())
                .redirectErrorStream(true);
        // Keep the user's docker contexts and settings out of it.
        var environment = builder.environment();
        List.of("DOCKER_HOST", "DOCKER_CONTEXT", "DOCKER_TLS_VERIFY", "DOCKER_CERT_PATH", "DOCKER_API_VERSION")
                .forEach(environment::remove);
        environment.put("DOCKER_CONFIG", directory.resolve("docker-config").toString());
        var process = builder.start();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("docker version did not finish within 60 s");
        }
        return new Result(process.exitValue(),
                new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
    }

    /** Answers {@code /_ping} and {@code /version} like dockerd behind {@code --tlsverify}. */
    private HttpsServer startDaemon(SSLContext context) throws IOException {
        var server = HttpsServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setHttpsConfigurator(new HttpsConfigurator(context) {
            @Override
            public void configure(HttpsParameters parameters) {
                var ssl = getSSLContext().getDefaultSSLParameters();
                ssl.setNeedClientAuth(true);
                parameters.setSSLParameters(ssl);
            }
        });
        server.createContext("/", this::answer);
        server.start();
        return server;
    }

    private void answer(HttpExchange exchange) throws IOException {
        try (exchange) {
            try {
                clientsSeen.add(((HttpsExchange) exchange).getSSLSession().getPeerPrincipal().getName());
            } catch (SSLPeerUnverifiedException e) {
                exchange.sendResponseHeaders(401, -1);
                return;
            }
            var headers = exchange.getResponseHeaders();
            headers.set("Api-Version", "1.41");
            headers.set("Ostype", "linux");
            var path = exchange.getRequestURI().getPath();
            String body;
            if (path.endsWith("/_ping")) {
                headers.set("Content-Type", "text/plain; charset=utf-8");
                body = "OK";
            } else if (path.endsWith("/version")) {
                headers.set("Content-Type", "application/json");
                body = """
                        {"Version":"%s","ApiVersion":"1.41","MinAPIVersion":"1.12","GitCommit":"0000000",\
                        "GoVersion":"go1.24","Os":"linux","Arch":"amd64","KernelVersion":"6.0"}""".formatted(DAEMON_VERSION);
            } else {
                exchange.sendResponseHeaders(404, -1);
                return;
            }
            var bytes = body.getBytes(StandardCharsets.UTF_8);
            if ("HEAD".equals(exchange.getRequestMethod())) {
                exchange.sendResponseHeaders(200, -1);
            } else {
                exchange.sendResponseHeaders(200, bytes.length);
                exchange.getResponseBody().write(bytes);
            }
        }
    }
}
