package io.harbormaster.cli;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * A stand-in for the Harbormaster API for the machine verbs: answers by method and path (a regular expression), keeps
 * every request with its body, and can answer with a server-sent event stream written message by message, with a
 * pause between them, so a test sees what hm prints while the stream is still open. Requests run on virtual threads,
 * so several streams can be open at once.
 */
final class VerbServer implements AutoCloseable {

    record Request(String method, URI uri, Headers headers, String body) {

        String header(String name) {
            return headers.getFirst(name);
        }

        String path() {
            return uri.getPath();
        }

        String query() {
            return uri.getQuery();
        }

        @Override
        public String toString() {
            return method + " " + uri;
        }
    }

    /** One message of an event stream. */
    record Event(String id, String event, String data) {
    }

    sealed interface Answer {

        static Answer json(String body) {
            return new Plain(200, "application/json", body, Map.of());
        }

        static Answer json(int status, String body) {
            return new Plain(status, "application/json", body, Map.of());
        }

        static Answer problem(int status, String detail) {
            return new Plain(status, "application/problem+json", """
                    {"type":"about:blank","title":"Refused","status":%d,"detail":"%s"}""".formatted(status, detail),
                    Map.of());
        }

        /** 202 with the machine's id, and the correlation id the server echoes for the request. */
        static Answer accepted(String machineId, String correlationId) {
            return new Plain(202, "application/json", "{\"machineId\":\"" + machineId + "\"}",
                    Map.of("X-Correlation-Id", correlationId));
        }

        static Answer events(long pauseMillis, Event... events) {
            return new Stream(List.of(events), pauseMillis);
        }
    }

    record Plain(int status, String contentType, String body, Map<String, String> headers) implements Answer {
    }

    record Stream(List<Event> events, long pauseMillis) implements Answer {
    }

    private record Route(String method, Pattern path, Function<Request, Answer> answer) {
    }

    final List<Request> requests = new CopyOnWriteArrayList<>();
    private final List<Route> routes = new CopyOnWriteArrayList<>();
    private final HttpServer server;

    VerbServer() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/", this::handle);
        server.start();
    }

    /**
     * Answers {@code method} requests whose path, or path and query ({@code /api/machines/by-name\\?name=web-1}),
     * matches {@code pathRegex}; later routes win over earlier ones.
     */
    VerbServer on(String method, String pathRegex, Function<Request, Answer> answer) {
        routes.addFirst(new Route(method, Pattern.compile(pathRegex), answer));
        return this;
    }

    VerbServer on(String method, String pathRegex, Answer answer) {
        return on(method, pathRegex, request -> answer);
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    List<Request> requests(String method, String pathRegex) {
        var pattern = Pattern.compile(pathRegex);
        return requests.stream().filter(r -> r.method().equals(method) && matches(pattern, r)).toList();
    }

    private static boolean matches(Pattern pattern, Request request) {
        return pattern.matcher(request.path()).matches()
                || request.query() != null && pattern.matcher(request.path() + "?" + request.query()).matches();
    }

    private void handle(HttpExchange exchange) throws IOException {
        var body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        var request = new Request(exchange.getRequestMethod(), exchange.getRequestURI(), exchange.getRequestHeaders(),
                body);
        requests.add(request);
        Answer answer = null;
        for (var route : new ArrayList<>(routes)) {
            if (route.method().equals(request.method()) && matches(route.path(), request)) {
                answer = route.answer().apply(request);
                break;
            }
        }
        if (answer == null) {
            answer = Answer.problem(404, "stub: nothing at " + request.method() + " " + request.path());
        }
        try (exchange) {
            switch (answer) {
                case Plain plain -> {
                    var bytes = plain.body().getBytes(StandardCharsets.UTF_8);
                    exchange.getResponseHeaders().set("Content-Type", plain.contentType());
                    plain.headers().forEach(exchange.getResponseHeaders()::set);
                    exchange.sendResponseHeaders(plain.status(), bytes.length == 0 ? -1 : bytes.length);
                    if (bytes.length > 0) {
                        exchange.getResponseBody().write(bytes);
                    }
                }
                case Stream stream -> {
                    exchange.getResponseHeaders().set("Content-Type", "text/event-stream");
                    exchange.sendResponseHeaders(200, 0);
                    var out = exchange.getResponseBody();
                    out.write(": connected\n\n".getBytes(StandardCharsets.UTF_8));
                    out.flush();
                    for (var event : stream.events()) {
                        pause(stream.pauseMillis());
                        var text = new StringBuilder();
                        if (event.id() != null) {
                            text.append("id: ").append(event.id()).append('\n');
                        }
                        text.append("event: ").append(event.event()).append('\n');
                        for (var line : event.data().split("\n", -1)) {
                            text.append("data: ").append(line).append('\n');
                        }
                        text.append('\n');
                        out.write(text.toString().getBytes(StandardCharsets.UTF_8));
                        out.flush();
                    }
                }
            }
        } catch (IOException e) {
            // the client went away mid-stream: that is how hm stops reading once it has its answer
        }
    }

    private static void pause(long millis) {
        if (millis <= 0) {
            return;
        }
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
