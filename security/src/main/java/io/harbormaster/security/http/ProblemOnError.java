package io.harbormaster.security.http;

import io.harbormaster.security.problem.ProblemJson;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import java.util.Locale;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;

/**
 * An API response on which {@code sendError} writes a problem detail at once, rather than asking the container for
 * its error page (HTML, and dispatched through the portal's security chain).
 */
final class ProblemOnError extends HttpServletResponseWrapper {

    static final String INTERNAL_ERROR_ADVICE = "Something went wrong on the server and was logged. Try again "
            + "later; if it persists, give an administrator the correlationId of this answer.";
    private static final String DESCRIPTION = "The API description at /v3/api-docs lists every endpoint.";

    private final HttpServletRequest request;

    ProblemOnError(HttpServletRequest request, HttpServletResponse response) {
        super(response);
        this.request = request;
    }

    @Override
    public void sendError(int status) throws IOException {
        sendError(status, null);
    }

    @Override
    public void sendError(int status, String message) throws IOException {
        if (isCommitted()) {
            super.sendError(status, message);
            return;
        }
        resetBuffer();
        var call = request.getMethod() + " " + request.getRequestURI();
        switch (status) {
            case 400 -> write(status, "malformed-request", "Malformed request", "The request " + call
                    + " could not be read. Check its URL, headers and body. " + DESCRIPTION);
            case 404 -> write(status, "not-found", "Not found", "There is no endpoint " + call + ". " + DESCRIPTION);
            case 405 -> write(status, "method-not-allowed", "Method not allowed", request.getMethod()
                    + " is not allowed on " + request.getRequestURI() + allowed() + ". " + DESCRIPTION);
            case 406 -> write(status, "not-acceptable", "Not acceptable", "The endpoint cannot answer in the media "
                    + "type the Accept header asks for; accept application/json (or leave Accept out).");
            case 413 -> write(status, "body-too-large", "Request body too large", "The request body is larger than "
                    + "this server accepts (harbormaster.api.max-body-size). Send a smaller one.");
            case 415 -> write(status, "unsupported-media-type", "Unsupported media type", "Send the body as JSON "
                    + "with the header Content-Type: application/json.");
            case 500 -> ProblemJson.write(this, status, "internal-error", "Internal error", INTERNAL_ERROR_ADVICE,
                    Map.of("correlationId", ApiProblemFilter.correlationId(this)));
            default -> {
                var reason = HttpStatus.resolve(status);
                var title = reason == null ? "HTTP " + status : reason.getReasonPhrase();
                write(status, title.toLowerCase(Locale.ROOT).replace(' ', '-'), title, "The request " + call
                        + " was answered " + status + " " + title + ".");
            }
        }
        flushBuffer();
    }

    private String allowed() {
        var allow = getHeader(HttpHeaders.ALLOW);
        return allow == null || allow.isBlank() ? "" : "; allowed: " + allow;
    }

    private void write(int status, String type, String title, String detail) throws IOException {
        ProblemJson.write(this, status, type, title, detail, Map.of());
    }
}
