package io.harbormaster.command.web;

import io.harbormaster.api.common.JsonTypeWords;
import io.harbormaster.api.audit.ActingContext;
import io.harbormaster.api.audit.CurrentActingContext;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageNotReadableException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

/** Builds the problem details of the command API. */
final class Problems {

    static final String TYPE_BASE = "https://harbormaster.dev/problems/";

    private Problems() {
    }

    static ProblemDetail of(HttpStatus status, String code, String title, String detail) {
        var problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create(TYPE_BASE + code));
        problem.setTitle(title);
        return problem;
    }

    /** Adds the {@code errors} property: one {@code {field, message}} per invalid field. */
    static ProblemDetail withErrors(ProblemDetail problem, List<Map<String, String>> errors) {
        problem.setProperty("errors", errors);
        return problem;
    }

    static Map<String, String> error(String field, String message) {
        var error = new LinkedHashMap<String, String>();
        error.put("field", field);
        error.put("message", message == null ? "is invalid" : message);
        return error;
    }

    /** A body that is not JSON, or JSON of the wrong shape; names the field when the parser knows it. */
    static ProblemDetail unreadable(HttpMessageNotReadableException e) {
        var cause = e.getMostSpecificCause();
        var field = cause instanceof JacksonException jackson ? path(jackson) : "";
        if (field.isEmpty()) {
            return of(HttpStatus.BAD_REQUEST, "malformed-request", "Malformed request", "The request body is not "
                    + "a valid JSON object. Send one like the example in the API description (/v3/api-docs).");
        }
        var message = cause instanceof UnrecognizedPropertyException ? "is not a field of this request; remove it"
                : cause instanceof MismatchedInputException mismatch ? JsonTypeWords.expected(mismatch.getTargetType())
                : "has a value that cannot be read";
        var problem = of(HttpStatus.BAD_REQUEST, "malformed-request", "Malformed request",
                "The request JSON is wrong at " + field + ": " + message + ". Correct it and send it again.");
        return withErrors(problem, List.of(error(field, message)));
    }


    /** The request's correlation id, which its answer and the log line of a failure both carry. */
    static String correlationId() {
        return CurrentActingContext.get().map(ActingContext::correlationId).orElse("none");
    }

    /** What the request is about, from its path: {@code /api/machines/...} is about a machine. */
    static String subject(HttpServletRequest request) {
        var path = request.getRequestURI();
        if (path.contains("/api/teams")) {
            return "team";
        }
        if (path.contains("/api/users")) {
            return "user";
        }
        return "machine";
    }

    private static String path(JacksonException e) {
        var path = new StringBuilder();
        for (var reference : e.getPath()) {
            if (reference.getPropertyName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(reference.getPropertyName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.toString();
    }
}
