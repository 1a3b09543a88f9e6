package io.harbormaster.testing;

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
import java.security.PrivateKey;
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
 * A stand-in for dockerd's TLS endpoint, for tests of what a workstation does with a machine's material: a TLS
 * listener on 127.0.0.1 that presents a server certificate, demands a client certificate from the given CA, answers
 * {@code /_ping} and {@code /version} so the real {@code docker} client completes {@code docker version}, and
 * remembers whose certificates it saw. Tests on real hosts use the real dockerd instead.
 */
public final class DockerDaemonStandIn implements AutoCloseable {

    /** The version {@code docker version --format '{{.Server.Version}}'} prints against the stand-in. */
    public static final String VERSION = "0.0.0-harbormaster-stand-in";

    private final HttpsServer server;
    private final List<String> clientSubjects = new CopyOnWriteArrayList<>();

    /** Listens on {@code port} (0: any free one) with the server certificate and PKCS#8 key, trusting {@code caPem}. */
    public DockerDaemonStandIn(int port, String caPem, String serverCertPem, String serverKeyPem) {
        try {
            server = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
            var tls = sslContext(caPem, serverCertPem, serverKeyPem);
            server.setHttpsConfigurator(new HttpsConfigurator(tls) {
                @Override
                public void configure(HttpsParameters parameters) {
                    var ssl = tls.getDefaultSSLParameters();
                    ssl.setNeedClientAuth(true);
                    parameters.setSSLParameters(ssl);
                }
            });
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("Could not start the dockerd stand-in on port " + port, e);
        }
        server.createContext("/", this::answer);
        server.start();
    }

    /** The address for {@code DOCKER_HOST}, {@code tcp://127.0.0.1:PORT}. */
    public String host() {
        return "tcp://127.0.0.1:" + server.getAddress().getPort();
    }

    /** The subjects of the client certificates presented so far. */
    public List<String> clientSubjects() {
        return List.copyOf(clientSubjects);
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private void answer(HttpExchange exchange) throws IOException {
        try (exchange) {
            var peer = (X509Certificate) ((HttpsExchange) exchange).getSSLSession().getPeerCertificates()[0];
            clientSubjects.add(peer.getSubjectX500Principal().getName());
            var path = exchange.getRequestURI().getPath();
            exchange.getResponseHeaders().set("Api-Version", "1.50");
            exchange.getResponseHeaders().set("Ostype", "linux");
            if (path.endsWith("/_ping")) {
                send(exchange, 200, "text/plain", "OK");
            } else if (path.endsWith("/version")) {
                send(exchange, 200, "application/json", """
                        {"Platform":{"Name":"stand-in"},"Version":"%s","ApiVersion":"1.50","MinAPIVersion":"1.24",\
                        "Os":"linux","Arch":"amd64","GitCommit":"none","GoVersion":"none"}""".formatted(VERSION));
            } else {
                send(exchange, 404, "application/json", "{\"message\":\"not in the stand-in\"}");
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

    private static SSLContext sslContext(String caPem, String certPem, String keyPem)
            throws GeneralSecurityException, IOException {
        var certificates = CertificateFactory.getInstance("X.509");
        var ca = certificates.generateCertificate(ascii(caPem));
        var password = "unused".toCharArray();
        var keys = KeyStore.getInstance("PKCS12");
        keys.load(null, null);
        keys.setKeyEntry("server", privateKey(keyPem), password,
                new Certificate[] {certificates.generateCertificate(ascii(certPem)), ca});
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

    /** A {@code PRIVATE KEY} (PKCS#8) block of an EC or RSA key, as Harbormaster's CA writes them. */
    private static PrivateKey privateKey(String pem) throws GeneralSecurityException {
        var der = Base64.getDecoder().decode(pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", ""));
        try {
            return KeyFactory.getInstance("EC").generatePrivate(new PKCS8EncodedKeySpec(der));
        } catch (GeneralSecurityException notEc) {
            return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(der));
        }
    }

    private static ByteArrayInputStream ascii(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.US_ASCII));
    }
}
