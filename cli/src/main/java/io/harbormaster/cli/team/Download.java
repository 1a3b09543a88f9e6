package io.harbormaster.cli.team;

import io.harbormaster.cli.HmException;
import io.harbormaster.cli.Workstation;
import io.harbormaster.cli.server.HarbormasterClient;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Collectors;
import tools.jackson.core.JacksonException;

/**
 * Copies a download (the audit export) from the server to standard output as it arrives, with the client's
 * server, credential and headers: {@link HarbormasterClient} reads whole answers into memory within a minute, and an
 * export may hold a hundred thousand entries. Refusals read like the client's: the problem's detail, or for a 401
 * what to do about the credential.
 */
final class Download {

    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);

    private Download() {
    }

    /** GETs {@code path} with the non-null query parameters and writes the answer to {@code out}. */
    static void copy(HarbormasterClient client, Workstation workstation, String path, Map<String, String> query,
                     String failed, PrintWriter out) {
        var http = HttpClient.newBuilder().connectTimeout(CONNECT_TIMEOUT)
                .followRedirects(HttpClient.Redirect.NEVER).build();
        var request = HttpRequest.newBuilder(URI.create(client.server() + path + queryString(query)))
                .header("User-Agent", "hm/" + workstation.clientVersion())
                .header("X-Harbormaster-Channel", "cli")
                .header("Accept", "text/csv, application/json, application/problem+json")
                .GET();
        var authorization = client.credential().header();
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        try {
            HttpResponse<InputStream> response = http.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
            try (var body = response.body()) {
                if (response.statusCode() / 100 != 2) {
                    throw refusal(client, failed, response.statusCode(),
                            new String(body.readAllBytes(), StandardCharsets.UTF_8));
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
            throw new HmException("Cannot reach Harbormaster at " + client.server() + " (" + reason(e) + "), or the "
                    + "download broke off. Is the server running and the URL right? Run the command again.");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new HmException("Interrupted while waiting for Harbormaster at " + client.server(), 130);
        }
    }

    private static HmException refusal(HarbormasterClient client, String failed, int status, String body) {
        if (status == 401) {
            return new HmException(client.credential().refusal(client.server()));
        }
        var detail = "Harbormaster at " + client.server() + " answered HTTP " + status + " without an explanation";
        try {
            var problem = body.isBlank() ? null : client.json().readTree(body);
            for (var field : new String[] {"detail", "title"}) {
                if (problem != null && problem.path(field).isString() && !problem.path(field).stringValue().isBlank()) {
                    detail = problem.path(field).stringValue().strip();
                    break;
                }
            }
        } catch (JacksonException notJson) {
            // a proxy's page: the status says it
        }
        return new HmException(failed + ": " + detail);
    }

    private static String reason(IOException e) {
        if (e instanceof java.net.ConnectException && (e.getMessage() == null || e.getMessage().isBlank())) {
            return "connection refused";
        }
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t.getMessage() != null && !t.getMessage().isBlank()) {
                return t.getMessage();
            }
        }
        return e.getClass().getSimpleName();
    }

    private static String queryString(Map<String, String> query) {
        var parameters = query.entrySet().stream()
                .filter(e -> e.getValue() != null)
                .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                .collect(Collectors.joining("&"));
        return parameters.isEmpty() ? "" : "?" + parameters;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
