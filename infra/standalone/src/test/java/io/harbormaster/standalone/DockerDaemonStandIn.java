package io.harbormaster.standalone;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsExchange;
import com.sun.net.httpserver.HttpsParameters;
import com.sun.net.httpserver.HttpsServer;
import io.harbormaster.command.cert.Pem;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * A stand-in for dockerd's TLS endpoint (the real daemon comes with the provisioning issue): a TLS listener on
 * 127.0.0.1 that presents a machine's server certificate, demands a client certificate from the machine's CA, and
 * answers {@code /_ping} and {@code /version} so the real {@code docker} client completes {@code docker version}.
 */
final class DockerDaemonStandIn implements AutoCloseable {

    static final String VERSION = "0.0.0-harbormaster-stand-in";

    private final HttpsServer server;
    private final List<String> clientSubjects = new CopyOnWriteArrayList<>();

    DockerDaemonStandIn(int port, String caPem, String serverCertPem, String serverKeyPem) {
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

    List<String> clientSubjects() {
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

    private static SSLContext sslContext(String caPem, String certPem, String keyPem) throws GeneralSecurityException,
            IOException {
        var ca = Pem.readCertificate(caPem);
        var password = "unused".toCharArray();
        var keys = KeyStore.getInstance("PKCS12");
        keys.load(null, null);
        keys.setKeyEntry("server", Pem.readPrivateKey(keyPem), password,
                new Certificate[] {Pem.readCertificate(certPem), ca});
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
}
