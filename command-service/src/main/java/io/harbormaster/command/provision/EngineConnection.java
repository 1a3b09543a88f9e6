package io.harbormaster.command.provision;

import io.harbormaster.api.machine.MachineCertificates;
import io.harbormaster.command.cert.MachineTls;
import io.harbormaster.command.cert.MutualTls;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;

/**
 * A mutual-TLS HTTP client of one machine's Docker Engine, presenting a freshly issued client certificate of the
 * machine's CA and trusting only that CA: how the platform asks the engine itself whether it answers, for the
 * provisioner's verification ({@code GET /version}) and the reconciler ({@code GET /_ping}). The certificate is issued
 * once per connection and held only in memory.
 */
public final class EngineConnection implements AutoCloseable {

    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(3);

    private final HttpClient client;
    private final String dockerUrl;
    private final URI base;
    private final Instant notAfter;

    private EngineConnection(HttpClient client, String dockerUrl, Instant notAfter) {
        this.client = client;
        this.dockerUrl = dockerUrl;
        this.base = URI.create(dockerUrl.replaceFirst("^tcp://", "https://"));
        this.notAfter = notAfter;
    }

    /** Issues a client certificate from the CA of {@code certificates} and connects as it to {@code dockerUrl}. */
    public static EngineConnection open(MachineTls tls, String dockerUrl, MachineCertificates certificates) {
        var material = tls.issueClient(certificates, "harbormaster", "platform");
        var client = HttpClient.newBuilder().sslContext(MutualTls.clientContext(material))
                .connectTimeout(CONNECT_TIMEOUT).build();
        return new EngineConnection(client, dockerUrl, material.notAfter());
    }

    /** The engine's {@code tcp://} URL, as users configure their clients with it. */
    public String dockerUrl() {
        return dockerUrl;
    }

    /** When the client certificate this connection presents expires. */
    public Instant notAfter() {
        return notAfter;
    }

    /** {@code GET path} on the engine, waiting at most {@code timeout} for the answer. */
    public HttpResponse<String> get(String path, Duration timeout) throws IOException, InterruptedException {
        return client.send(HttpRequest.newBuilder(base.resolve(path)).timeout(timeout).GET().build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    @Override
    public void close() {
        client.shutdownNow();
    }
}
