package io.harbormaster.command.cert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;

/**
 * Real TLS 1.3 handshakes over 127.0.0.1 between a server set up like dockerd ({@code --tlsverify}: client
 * certificates required, only the machine's CA trusted) and a client set up like the docker CLI (only the machine's
 * CA trusted, host name checked), all from the PEM text the CA hands out.
 */
class MutualTlsHandshakeTest {

    private static final String LOOPBACK = "127.0.0.1";

    private final CertificateAuthority authority = new CertificateAuthority();
    private final CertificatePolicy policy = CertificatePolicy.defaults();

    @EcdsaAndRsa
    void aServerAndAClientOfOneMachineCaShakeHandsAndExchangeAByte(KeyAlgorithm algorithm) throws Exception {
        var ca = authority.createCa("build-1", algorithm);
        var server = authority.issueServer(ca, "build-1", List.of(LOOPBACK), policy);
        var client = authority.issueClient(ca, "alice", "ops", Duration.ofHours(24));

        try (var daemon = Daemon.start(TlsContexts.of(server.certificatePem(), server.privateKeyPem(),
                ca.certificatePem()))) {
            var answer = roundTrip(clientContext(client, ca), LOOPBACK, daemon.port(), 41);

            assertThat(answer).isEqualTo(42);
            assertThat(daemon.clientSubject()).isEqualTo("CN=alice,OU=ops,O=Harbormaster");
        }
    }

    @EcdsaAndRsa
    void theServerRefusesAClientCertificateFromTheMachinesPreviousCa(KeyAlgorithm algorithm) throws Exception {
        var rotated = authority.createCa("build-1", algorithm);
        var current = authority.createCa("build-1", algorithm);
        var server = authority.issueServer(current, "build-1", List.of(LOOPBACK), policy);
        var formerMember = authority.issueClient(rotated, "bob", "ops", Duration.ofHours(24));
        // The client trusts the current CA, so only the server's check of the client certificate can fail.
        var clientContext = TlsContexts.of(formerMember.certificatePem(), formerMember.privateKeyPem(),
                current.certificatePem());

        try (var daemon = Daemon.start(TlsContexts.of(server.certificatePem(), server.privateKeyPem(),
                current.certificatePem()))) {
            assertThatThrownBy(() -> roundTrip(clientContext, LOOPBACK, daemon.port(), 1))
                    .isInstanceOf(IOException.class);
            assertThat(daemon.failure()).isInstanceOf(SSLHandshakeException.class);
        }
    }

    @EcdsaAndRsa
    void theServerRefusesAClientWithoutACertificate(KeyAlgorithm algorithm) throws Exception {
        var ca = authority.createCa("build-1", algorithm);
        var server = authority.issueServer(ca, "build-1", List.of(LOOPBACK), policy);

        try (var daemon = Daemon.start(TlsContexts.of(server.certificatePem(), server.privateKeyPem(),
                ca.certificatePem()))) {
            assertThatThrownBy(() -> roundTrip(TlsContexts.anonymous(ca.certificatePem()), LOOPBACK, daemon.port(), 1))
                    .isInstanceOf(IOException.class);
            assertThat(daemon.failure()).isInstanceOf(SSLHandshakeException.class);
        }
    }

    @EcdsaAndRsa
    void aClientRefusesAServerCertificateThatDoesNotNameTheAddressItDialled(KeyAlgorithm algorithm) throws Exception {
        var ca = authority.createCa("build-1", algorithm);
        var elsewhere = authority.issueServer(ca, "build-1", List.of("10.0.0.7", "build-1.example.com"), policy);
        var client = authority.issueClient(ca, "alice", "ops", Duration.ofHours(24));

        try (var daemon = Daemon.start(TlsContexts.of(elsewhere.certificatePem(), elsewhere.privateKeyPem(),
                ca.certificatePem()))) {
            assertThatThrownBy(() -> roundTrip(clientContext(client, ca), LOOPBACK, daemon.port(), 1))
                    .isInstanceOf(SSLHandshakeException.class)
                    .hasMessageContaining(LOOPBACK);
        }
    }

    @EcdsaAndRsa
    void aClientThatKnowsOnlyTheNewCaRefusesAServerStillOnTheOldOne(KeyAlgorithm algorithm) throws Exception {
        var old = authority.createCa("build-1", algorithm);
        var rotated = authority.createCa("build-1", algorithm);
        var staleServer = authority.issueServer(old, "build-1", List.of(LOOPBACK), policy);
        var client = authority.issueClient(rotated, "alice", "ops", Duration.ofHours(24));

        try (var daemon = Daemon.start(TlsContexts.of(staleServer.certificatePem(), staleServer.privateKeyPem(),
                old.certificatePem()))) {
            assertThatThrownBy(() -> roundTrip(clientContext(client, rotated), LOOPBACK, daemon.port(), 1))
                    .isInstanceOf(SSLHandshakeException.class);
        }
    }

    @EcdsaAndRsa
    void aClientThroughAnSshTunnelToLocalhostAcceptsTheServerCertificate(KeyAlgorithm algorithm) throws Exception {
        var ca = authority.createCa("build-1", algorithm);
        var server = authority.issueServer(ca, "build-1", List.of("203.0.113.7"), policy);
        var client = authority.issueClient(ca, "alice", "ops", Duration.ofHours(24));

        try (var daemon = Daemon.start(TlsContexts.of(server.certificatePem(), server.privateKeyPem(),
                ca.certificatePem()))) {
            // Connected to the loopback address but verified as "localhost", as `-H tcp://localhost:2376` would be.
            assertThat(roundTrip(clientContext(client, ca), "localhost", daemon.port(), 7)).isEqualTo(8);
        }
    }

    private static SSLContext clientContext(IssuedCertificate client, MachineCa ca) throws Exception {
        return TlsContexts.of(client.certificatePem(), client.privateKeyPem(), ca.certificatePem());
    }

    /** Sends one byte and returns the answer, checking the server's name as HTTPS clients (and Go) do. */
    private static int roundTrip(SSLContext context, String hostName, int port, int value) throws IOException {
        try (var plain = new Socket(InetAddress.getByName(LOOPBACK), port);
                var socket = (SSLSocket) context.getSocketFactory().createSocket(plain, hostName, port, true)) {
            socket.setSoTimeout(5_000);
            var parameters = socket.getSSLParameters();
            parameters.setEndpointIdentificationAlgorithm("HTTPS");
            socket.setSSLParameters(parameters);
            socket.startHandshake();
            socket.getOutputStream().write(value);
            socket.getOutputStream().flush();
            int answer = socket.getInputStream().read();
            if (answer < 0) {
                throw new IOException("The server closed the connection without answering");
            }
            return answer;
        }
    }

    /** A one-connection server that, like dockerd with --tlsverify, insists on a client certificate. */
    private record Daemon(SSLServerSocket socket, CompletableFuture<String> outcome) implements AutoCloseable {

        static Daemon start(SSLContext context) throws IOException {
            var socket = (SSLServerSocket) context.getServerSocketFactory()
                    .createServerSocket(0, 1, InetAddress.getByName(LOOPBACK));
            socket.setNeedClientAuth(true);
            var outcome = new CompletableFuture<String>();
            Thread.ofVirtual().start(() -> serveOnce(socket, outcome));
            return new Daemon(socket, outcome);
        }

        private static void serveOnce(SSLServerSocket server, CompletableFuture<String> outcome) {
            try (var connection = (SSLSocket) server.accept()) {
                connection.setSoTimeout(5_000);
                connection.startHandshake();
                var subject = connection.getSession().getPeerPrincipal().getName();
                int value = connection.getInputStream().read();
                connection.getOutputStream().write(value + 1);
                connection.getOutputStream().flush();
                outcome.complete(subject);
            } catch (IOException | RuntimeException e) {
                outcome.completeExceptionally(e);
            }
        }

        int port() {
            return socket.getLocalPort();
        }

        String clientSubject() throws Exception {
            return outcome.get(10, TimeUnit.SECONDS);
        }

        Throwable failure() throws Exception {
            try {
                var subject = outcome.get(10, TimeUnit.SECONDS);
                throw new AssertionError("The server accepted a client it should have refused: " + subject);
            } catch (ExecutionException e) {
                return e.getCause();
            }
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }
}
