package io.harbormaster.cli.server;

import io.harbormaster.cli.HmException;
import io.harbormaster.cli.Workstation;
import java.io.IOException;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Calls the Harbormaster REST API as the user from the environment and turns every way that can fail into a
 * message. HTTP Basic with {@code HM_USER}/{@code HM_PASSWORD} for now; personal API tokens replace it with
 * {@code hm login}.
 */
public final class HarbormasterClient {

    public static final String DEFAULT_SERVER = "http://localhost:8080";
    static final String CHANNEL_HEADER = "X-Harbormaster-Channel";

    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(60);

    // Newer servers may add fields; an older client must still read what it knows.
    private static final JsonMapper JSON = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private final ServerAddress server;
    private final Optional<String> authorization;
    private final String userAgent;
    private final HttpClient http;

    private HarbormasterClient(ServerAddress server, Optional<String> authorization, String userAgent) {
        this.server = server;
        this.authorization = authorization;
        this.userAgent = userAgent;
        // Never follow redirects: the Authorization header must not travel to another host.
        this.http = HttpClient.newBuilder()
                .connectTimeout(CONNECT_TIMEOUT)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    /** The server from {@code --server}, else {@code HM_SERVER}, else {@value #DEFAULT_SERVER}. */
    public static HarbormasterClient connect(String serverOption, Workstation workstation) {
        var server = ServerAddress.parse(Optional.ofNullable(serverOption).filter(s -> !s.isBlank())
                .or(() -> workstation.variable("HM_SERVER"))
                .orElse(DEFAULT_SERVER));
        var user = workstation.variable("HM_USER");
        var password = workstation.variable("HM_PASSWORD");
        Optional<String> authorization = user.isPresent() && password.isPresent()
                ? Optional.of("Basic " + Base64.getEncoder().encodeToString(
                        (user.get() + ":" + password.get()).getBytes(StandardCharsets.UTF_8)))
                : Optional.empty();
        return new HarbormasterClient(server, authorization, "hm/" + workstation.clientVersion());
    }

    /** GETs {@code path} with the non-null query parameters, in order, and reads the JSON answer as {@code type}. */
    public <T> T get(String path, Map<String, String> query, Class<T> type) {
        var response = send(HttpRequest.newBuilder(server.resolve(path + queryString(query))).GET());
        if (response.statusCode() / 100 != 2) {
            throw Failures.fromResponse(response.statusCode(), response.body(), JSON);
        }
        try {
            return JSON.readValue(response.body(), type);
        } catch (JacksonException e) {
            throw new HmException("Harbormaster at " + server + " answered with something hm cannot read ("
                    + e.getOriginalMessage() + "). Are hm and the server the same version?");
        }
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        request.timeout(REQUEST_TIMEOUT)
                .header("Accept", "application/json, application/problem+json")
                .header("User-Agent", userAgent)
                // Recorded on the events this request causes, so the audit log says "from the CLI".
                .header(CHANNEL_HEADER, "cli");
        authorization.ifPresent(value -> request.header("Authorization", value));
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw Failures.unreachable(server, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new HmException("Interrupted while waiting for Harbormaster at " + server, 130);
        }
    }

    private static String queryString(Map<String, String> query) {
        var parameters = query.entrySet().stream()
                .filter(e -> e.getValue() != null)
                .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                .collect(Collectors.joining("&"));
        return parameters.isEmpty() ? "" : "?" + parameters;
    }

    private static String encode(String value) {
        // Form encoding writes spaces as '+'; %20 means a space to every server.
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
