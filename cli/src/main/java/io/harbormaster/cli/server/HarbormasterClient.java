package io.harbormaster.cli.server;

import io.harbormaster.cli.HmException;
import io.harbormaster.cli.Workstation;
import io.harbormaster.cli.config.Json;
import io.harbormaster.cli.config.LoginStore;
import io.harbormaster.cli.config.StoredLogin;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Calls the Harbormaster REST API as the workstation's user and turns every way that can fail into a message.
 *
 * <p>Which server: {@code --server}, else {@code HM_URL} (or the older {@code HM_SERVER}), else the one
 * {@code hm login} saved. Which credential: {@code HM_TOKEN}, else the saved login's token when it is for that server,
 * else {@code HM_USER}/{@code HM_PASSWORD}. A token costs the server a hash lookup where a password costs a
 * deliberately slow hash on every request, so the login keeps a token and never the password.
 */
public final class HarbormasterClient {

    static final String CHANNEL_HEADER = "X-Harbormaster-Channel";

    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(60);

    // Newer servers may add fields; an older client must still read what it knows.
    private static final JsonMapper JSON = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    /** Every client's HTTP connection pool, so hm can stop them before it exits (see {@link #shutdownAll()}). */
    private static final java.util.List<HttpClient> OPEN = new java.util.concurrent.CopyOnWriteArrayList<>();

    private final ServerAddress server;
    private final Credential credential;
    private final String userAgent;
    private final HttpClient http;

    private HarbormasterClient(ServerAddress server, Credential credential, String userAgent) {
        this.server = server;
        this.credential = credential;
        this.userAgent = userAgent;
        // Never follow redirects: the Authorization header must not travel to another host.
        this.http = HttpClient.newBuilder()
                .connectTimeout(CONNECT_TIMEOUT)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        OPEN.add(http);
    }

    /**
     * Stops every client's selector thread. hm calls it before it exits: the JVM's exit waits up to 300 ms for
     * threads still in native code, and an idle selector waits in {@code epoll_wait} — a third of a second added to
     * every command that talked to the server.
     */
    public static void shutdownAll() {
        OPEN.forEach(HttpClient::shutdownNow);
        OPEN.clear();
    }

    /** The server and credential the workstation's settings name (see the class comment). */
    public static HarbormasterClient connect(String serverOption, Workstation workstation) {
        var login = new LoginStore(workstation.configDirectory()).load();
        var chosen = Optional.ofNullable(serverOption).filter(s -> !s.isBlank())
                .or(() -> workstation.variable("HM_URL"))
                .or(() -> workstation.variable("HM_SERVER"))
                .or(() -> login.map(StoredLogin::server))
                .orElseThrow(() -> new HmException(
                        "Not logged in. Run: hm login URL (the address of your Harbormaster, e.g. "
                                + "https://harbormaster.example.com), or set HM_URL and HM_TOKEN."));
        var server = ServerAddress.parse(chosen);
        return new HarbormasterClient(server, credentialFor(server, workstation, login), userAgent(workstation));
    }

    /** A client for {@code server} that signs in with {@code credential}, whatever the workstation has saved. */
    public static HarbormasterClient with(ServerAddress server, Credential credential, Workstation workstation) {
        return new HarbormasterClient(server, credential, userAgent(workstation));
    }

    private static Credential credentialFor(ServerAddress server, Workstation workstation,
                                            Optional<StoredLogin> login) {
        var token = workstation.variable("HM_TOKEN");
        if (token.isPresent()) {
            return new Credential.EnvironmentToken(token.get().strip());
        }
        var saved = login.filter(l -> ServerAddress.parse(l.server()).equals(server));
        if (saved.isPresent()) {
            return new Credential.StoredToken(saved.get().token(), saved.get().tokenName(),
                    new LoginStore(workstation.configDirectory()).file().toString());
        }
        var user = workstation.variable("HM_USER");
        var password = workstation.variable("HM_PASSWORD");
        if (user.isPresent() && password.isPresent()) {
            return new Credential.Password(user.get(), password.get(), " in HM_USER/HM_PASSWORD");
        }
        return new Credential.None();
    }

    private static String userAgent(Workstation workstation) {
        return "hm/" + workstation.clientVersion();
    }

    public ServerAddress server() {
        return server;
    }

    public Credential credential() {
        return credential;
    }

    public JsonMapper json() {
        return JSON;
    }

    /** GETs {@code path} with the non-null query parameters, in order, and reads the JSON answer as {@code type}. */
    public <T> T get(String path, Map<String, String> query, Class<T> type) {
        return read(expectSuccess(send("GET", path, query, null, Map.of())), type);
    }

    /** GETs a plain-text answer, such as env or config output. */
    public String getText(String path, Map<String, String> query) {
        return expectSuccess(send("GET", path, query, null, Map.of("Accept", "text/plain, application/problem+json")))
                .body();
    }

    /** POSTs {@code body} as JSON (none when null) and reads the answer as {@code type}; null for an empty answer. */
    public <T> T post(String path, Object body, Class<T> type) {
        return read(expectSuccess(send("POST", path, Map.of(), body, Map.of())), type);
    }

    /** POSTs with query parameters and extra headers (such as {@code If-Match}). */
    public <T> T post(String path, Map<String, String> query, Object body, Map<String, String> headers,
                      Class<T> type) {
        return read(expectSuccess(send("POST", path, query, body, headers)), type);
    }

    /** DELETEs {@code path} and reads the answer as {@code type}; null for an empty answer. */
    public <T> T delete(String path, Map<String, String> query, Class<T> type) {
        return read(expectSuccess(send("DELETE", path, query, null, Map.of())), type);
    }

    /** What a failed answer from {@link #exchange} means, in the words every other call uses. */
    public ServerRefusal refusal(HttpResponse<String> response) {
        return Failures.fromResponse(response.statusCode(), response.body(), JSON, credential, server);
    }

    /** The raw answer, for callers that look at the status themselves. */
    public HttpResponse<String> exchange(String method, String path, Map<String, String> query, Object body) {
        return send(method, path, query, body, Map.of());
    }

    /**
     * Reads a server-sent event stream until {@code onEvent} answers false or the server closes it. Answers the id of
     * the last event seen, to resume from with {@code Last-Event-ID}.
     */
    public Optional<String> stream(String path, Map<String, String> query, String lastEventId,
                                   Predicate<ServerSentEvent> onEvent) {
        var request = request(path, query)
                .header("Accept", "text/event-stream")
                .GET();
        if (lastEventId != null) {
            request.header("Last-Event-ID", lastEventId);
        }
        HttpResponse<InputStream> response;
        try {
            // No request timeout: a stream stays open as long as it has something to say (heartbeats keep it alive).
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
        } catch (IOException e) {
            throw Failures.unreachable(server, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw interrupted();
        }
        if (response.statusCode() / 100 != 2) {
            String body;
            try (var in = response.body()) {
                body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                body = "";
            }
            throw Failures.fromResponse(response.statusCode(), body, JSON, credential, server);
        }
        String last = lastEventId;
        try (var reader = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
            var event = new ServerSentEvent.Builder();
            String line;
            while ((line = reader.readLine()) != null) {
                if (!line.isEmpty()) {
                    event.line(line);
                    continue;
                }
                var complete = event.build();
                event = new ServerSentEvent.Builder();
                if (complete.isEmpty()) {
                    continue;
                }
                if (complete.get().id() != null) {
                    last = complete.get().id();
                }
                if (!onEvent.test(complete.get())) {
                    break;
                }
            }
        } catch (IOException e) {
            throw new HmException("The event stream from " + server + " broke off (" + e.getMessage()
                    + "). Run the command again to continue watching.");
        }
        return Optional.ofNullable(last);
    }

    /**
     * Copies a download (such as an audit export) to {@code out} as it arrives, without the request timeout or the
     * buffering of the other calls: an export may hold a hundred thousand entries. Ends the output with a newline.
     */
    public void download(String path, Map<String, String> query, String accept, java.io.Writer out) {
        var request = request(path, query).header("Accept", accept + ", application/problem+json").GET();
        try {
            HttpResponse<InputStream> response = http.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
            try (var body = response.body()) {
                if (response.statusCode() / 100 != 2) {
                    throw Failures.fromResponse(response.statusCode(),
                            new String(body.readAllBytes(), StandardCharsets.UTF_8), JSON, credential, server);
                }
                var reader = new InputStreamReader(body, StandardCharsets.UTF_8);
                var buffer = new char[8192];
                char last = '\n';
                for (int read; (read = reader.read(buffer)) >= 0; ) {
                    if (read > 0) {
                        out.write(buffer, 0, read);
                        last = buffer[read - 1];
                    }
                }
                if (last != '\n') {
                    out.write('\n');
                }
                out.flush();
            }
        } catch (IOException e) {
            throw new HmException(Failures.unreachable(server, e).getMessage()
                    + " (or the download broke off: run the command again)");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw interrupted();
        }
    }

    private HttpResponse<String> expectSuccess(HttpResponse<String> response) {
        if (response.statusCode() / 100 != 2) {
            throw Failures.fromResponse(response.statusCode(), response.body(), JSON, credential, server);
        }
        return response;
    }

    private <T> T read(HttpResponse<String> response, Class<T> type) {
        if (type == Void.class || response.body() == null || response.body().isBlank()) {
            return null;
        }
        if (type == String.class) {
            return type.cast(response.body());
        }
        try {
            return JSON.readValue(response.body(), type);
        } catch (JacksonException e) {
            // where, not what: the answer may hold a token or a key, and Jackson's own message quotes the input
            throw new HmException("Harbormaster at " + server + " answered with something hm cannot read ("
                    + Json.where(e) + "). Are hm and the server the same version? (hm version)");
        }
    }

    private HttpResponse<String> send(String method, String path, Map<String, String> query, Object body,
                                      Map<String, String> headers) {
        var request = request(path, query).timeout(REQUEST_TIMEOUT)
                .header("Accept", "application/json, application/problem+json");
        headers.forEach(request::setHeader);
        if (body == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
        }
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw Failures.unreachable(server, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw interrupted();
        }
    }

    private HttpRequest.Builder request(String path, Map<String, String> query) {
        var request = HttpRequest.newBuilder(server.resolve(path + queryString(query)))
                .header("User-Agent", userAgent)
                // Recorded on the events this request causes, so the audit log says "from the CLI".
                .header(CHANNEL_HEADER, "cli");
        var authorization = credential.header();
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return request;
    }

    private HmException interrupted() {
        return new HmException("Interrupted while waiting for Harbormaster at " + server, 130);
    }

    /** Query parameters in the order given, skipping null values. */
    public static Map<String, String> query(String... keysAndValues) {
        var query = new LinkedHashMap<String, String>();
        for (int i = 0; i + 1 < keysAndValues.length; i += 2) {
            query.put(keysAndValues[i], keysAndValues[i + 1]);
        }
        return query;
    }

    /** One path segment, percent-encoded. */
    public static String segment(String value) {
        return encode(value);
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
