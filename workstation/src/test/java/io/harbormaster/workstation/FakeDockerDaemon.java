package io.harbormaster.workstation;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsExchange;
import com.sun.net.httpserver.HttpsParameters;
import com.sun.net.httpserver.HttpsServer;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * Just enough of dockerd's TLS API for {@code docker version}: a real TLS listener on 127.0.0.1 that demands a client
 * certificate from the test CA, answers {@code /_ping} and {@code /version}, and remembers whose certificate it saw.
 */
final class FakeDockerDaemon implements AutoCloseable {

    static final String VERSION = "0.0.0-harbormaster-fake";

    private final HttpsServer server;
    private final List<String> clientSubjects = new CopyOnWriteArrayList<>();

    private FakeDockerDaemon(TestPki pki) throws IOException, GeneralSecurityException {
        server = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        var tls = sslContext(pki);
        server.setHttpsConfigurator(new HttpsConfigurator(tls) {
            @Override
            public void configure(HttpsParameters parameters) {
                var ssl = tls.getDefaultSSLParameters();
                ssl.setNeedClientAuth(true);
                parameters.setSSLParameters(ssl);
            }
        });
        server.createContext("/", this::answer);
        server.start();
    }

    static FakeDockerDaemon start(TestPki pki) {
        try {
            return new FakeDockerDaemon(pki);
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("Could not start the fake daemon", e);
        }
    }

    /** The address for DOCKER_HOST, {@code tcp://127.0.0.1:PORT}. */
    String host() {
        return "tcp://127.0.0.1:" + server.getAddress().getPort();
    }

    /** The subjects of the client certificates presented so far. */
    List<String> clientSubjects() {
        return List.copyOf(clientSubjects);
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private void answer(HttpExchange exchange) throws IOException {
        try (exchange) {
            var peer = ((HttpsExchange) exchange).getSSLSession().getPeerCertificates()[0];
            clientSubjects.add(((X509Certificate) peer).getSubjectX500Principal().getName());
            var path = exchange.getRequestURI().getPath();
            var headers = exchange.getResponseHeaders();
            headers.set("Api-Version", "1.50");
            headers.set("Ostype", "linux");
            if (path.endsWith("/_ping")) {
                send(exchange, 200, "text/plain", "OK");
            } else if (path.endsWith("/version")) {
                send(exchange, 200, "application/json", """
                        {"Platform":{"Name":"fake"},"Version":"%s","ApiVersion":"1.50","MinAPIVersion":"1.24",\
                        "Os":"linux","Arch":"amd64","GitCommit":"fake","GoVersion":"none"}""".formatted(VERSION));
            } else {
                send(exchange, 404, "application/json", "{\"message\":\"not in the fake daemon\"}");
            }
        }
    }

    private static void send(HttpExchange exchange, int status, String type, String body) throws IOException {
        var bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", type);
        if (exchange.getRequestMethod().equals("HEAD")) {
            exchange.sendResponseHeaders(status, -1);
            return;
        }
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    private static SSLContext sslContext(TestPki pki) throws GeneralSecurityException, IOException {
        var certificates = CertificateFactory.getInstance("X.509");
        var ca = certificates.generateCertificate(pem(pki.client().caPem()));
        var serverCert = certificates.generateCertificate(pem(pki.serverCertPem()));
        var keyBase64 = pki.serverKeyPem().replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        var serverKey = KeyFactory.getInstance("EC")
                .generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(keyBase64)));
        var password = "unused".toCharArray();
        var keys = KeyStore.getInstance("PKCS12");
        keys.load(null, null);
        keys.setKeyEntry("server", serverKey, password, new Certificate[] {serverCert, ca});
        var trusted = KeyStore.getInstance("PKCS12");
        trusted.load(null, null);
        trusted.setCertificateEntry("ca", ca);
        var keyManagers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keyManagers.init(keys, password);
        var trustManagers = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trustManagers.init(trusted);
        var context = SSLContext.getInstance("TLS");
        context.init(keyManagers.getKeyManagers(), trustManagers.getTrustManagers(), null);
        return context;
    }

    private static ByteArrayInputStream pem(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.US_ASCII));
    }
}
