package io.harbormaster.cli;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/**
 * A stand-in for the Harbormaster REST API on 127.0.0.1: it answers every request with what the test says and
 * remembers what it was asked.
 */
final class StubServer implements AutoCloseable {

    record Request(String method, URI uri, Headers headers, String body) {

        String header(String name) {
            return headers.getFirst(name);
        }
    }

    record Answer(int status, String contentType, String body) {

        static Answer json(String body) {
            return new Answer(200, "application/json", body);
        }

        static Answer problem(int status, String body) {
            return new Answer(status, "application/problem+json", body);
        }
    }

    final List<Request> requests = new CopyOnWriteArrayList<>();
    private final HttpServer server;
    private volatile Function<Request, Answer> answers = request -> new Answer(404, "text/plain", "not here");

    StubServer() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", exchange -> {
            var request = new Request(exchange.getRequestMethod(), exchange.getRequestURI(),
                    exchange.getRequestHeaders(),
                    new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            requests.add(request);
            var answer = answers.apply(request);
            var body = answer.body().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", answer.contentType());
            exchange.sendResponseHeaders(answer.status(), body.length == 0 ? -1 : body.length);
            try (var out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
    }

    void answer(Function<Request, Answer> answers) {
        this.answers = answers;
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
