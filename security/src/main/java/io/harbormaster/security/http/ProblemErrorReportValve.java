package io.harbormaster.security.http;

import io.harbormaster.security.problem.ProblemJson;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

/**
 * Tomcat's last word on an error nothing else answered, in place of its HTML page (which names Tomcat and its
 * version). Mostly that is a URL Tomcat refuses before any filter runs: an encoded NUL, {@code /} or {@code \} in
 * the path ({@code %00}, {@code %2F}, {@code %5C}). Under {@code /api} the answer is a problem detail like every other
 * API error; elsewhere (the portal, a browser) a short plain text such as {@code 400 Bad Request}.
 */
final class ProblemErrorReportValve extends ErrorReportValve {

    private static final Logger log = LoggerFactory.getLogger(ProblemErrorReportValve.class);

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        var status = response.getStatus();
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported() || !ioAllowed(response)) {
            return;
        }
        var api = isApi(request.getRequestURI());
        try {
            response.setContentType(api ? MediaType.APPLICATION_PROBLEM_JSON_VALUE : MediaType.TEXT_PLAIN_VALUE);
            response.setCharacterEncoding(StandardCharsets.UTF_8.name());
            var writer = response.getReporter();
            if (writer == null) {
                return;
            }
            writer.write(api ? problem(request, response, status, throwable) : status + " " + reason(status) + "\n");
            response.finishResponse();
        } catch (IOException | IllegalStateException e) {
            log.debug("Could not write the error report of {} {}", request.getMethod(), request.getRequestURI(), e);
        }
    }

    private static String problem(Request request, Response response, int status, Throwable throwable) {
        var call = request.getMethod() + " " + request.getRequestURI();
        if (status == 400) {
            return ProblemJson.json(status, "malformed-request", "Malformed request", "The request " + call
                    + " could not be read. A path may not contain an encoded NUL, / or \\ (%00, %2F, %5C); correct "
                    + "the URL and send it again.", Map.of());
        }
        if (status >= 500) {
            var correlationId = ApiProblemFilter.correlationId(response);
            log.error("{} failed (correlation id {})", call, correlationId, throwable);
            return ProblemJson.json(status, "internal-error", "Internal error", ProblemOnError.INTERNAL_ERROR_ADVICE,
                    Map.of("correlationId", correlationId));
        }
        var title = reason(status);
        return ProblemJson.json(status, title.toLowerCase(Locale.ROOT).replace(' ', '-'), title, "The request " + call
                + " was answered " + status + " " + title + ".", Map.of());
    }

    /** The raw path: a refused one could not be decoded, and the API's paths need no decoding to be recognised. */
    static boolean isApi(String requestUri) {
        return requestUri != null && (requestUri.equals("/api") || requestUri.startsWith("/api/"));
    }

    private static String reason(int status) {
        var known = HttpStatus.resolve(status);
        return known == null ? "HTTP " + status : known.getReasonPhrase();
    }

    /** False when the connection is already broken; Tomcat's own valve checks the same. */
    private static boolean ioAllowed(Response response) {
        var allowed = new AtomicBoolean(true);
        response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, allowed);
        return allowed.get();
    }
}
