package io.harbormaster.command.web;

import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageNotReadableException;
import tools.jackson.core.JacksonException;
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
        String detail;
        if (field.isEmpty()) {
            detail = "The request body is not valid JSON. Send a JSON object like the examples in the API description.";
        } else if (cause instanceof UnrecognizedPropertyException) {
            detail = "The request JSON has an unknown field '" + field + "'. Remove it and send the request again.";
        } else {
            detail = "The request JSON has a wrong value for field '" + field + "'. Correct it and send it again.";
        }
        var problem = of(HttpStatus.BAD_REQUEST, "malformed-request", "Malformed request", detail);
        return field.isEmpty() ? problem : withErrors(problem, List.of(error(field, "has a wrong type or is unknown")));
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
