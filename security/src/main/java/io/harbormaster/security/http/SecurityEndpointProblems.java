package io.harbormaster.security.http;

import io.harbormaster.api.common.JsonTypeWords;
import io.harbormaster.api.common.InvalidIdException;
import io.harbormaster.security.problem.ProblemJson;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

/**
 * Bad input to the endpoints this module serves (passwords, API tokens) answers like bad input anywhere else in the
 * API: 400, the field named, the rule in plain words. The command and query sides have their own advice with the
 * same types and wording; this module may not use theirs, nor they this one.
 */
@RestControllerAdvice(basePackages = "io.harbormaster.security")
@Order(Ordered.HIGHEST_PRECEDENCE)
class SecurityEndpointProblems {

    @ExceptionHandler(MethodArgumentNotValidException.class)
    ProblemDetail invalidBody(MethodArgumentNotValidException e) {
        var errors = e.getBindingResult().getFieldErrors().stream()
                .map(error -> Map.of("field", error.getField(), "message", String.valueOf(error.getDefaultMessage())))
                .toList();
        var summary = errors.stream().map(error -> error.get("field") + ": " + error.get("message")).toList();
        return invalid("The request has invalid fields: " + String.join("; ", summary)
                + ". Correct them and send it again.", errors);
    }

    /** A path segment that should be an id and is not, such as {@code /api/users/not-a-uuid/password}. */
    @ExceptionHandler(InvalidIdException.class)
    ProblemDetail invalidId(InvalidIdException e) {
        return invalid(e.getMessage(), List.of(Map.of("field", "userId", "message", e.getMessage())));
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ProblemDetail unreadable(HttpMessageNotReadableException e) {
        var cause = e.getMostSpecificCause();
        var field = cause instanceof JacksonException jackson ? JsonPaths.of(jackson) : "";
        if (field.isEmpty()) {
            return problem("malformed-request", "Malformed request", "The request body is not a valid JSON object. "
                    + "Send one like the example in the API description (/v3/api-docs).");
        }
        var message = cause instanceof UnrecognizedPropertyException ? "is not a field of this request; remove it"
                : cause instanceof MismatchedInputException mismatch ? JsonTypeWords.expected(mismatch.getTargetType())
                : "has a value that cannot be read";
        var problem = problem("malformed-request", "Malformed request",
                "The request JSON is wrong at " + field + ": " + message + ". Correct it and send it again.");
        problem.setProperty("errors", List.of(Map.of("field", field, "message", message)));
        return problem;
    }

    private static ProblemDetail invalid(String detail, List<Map<String, String>> errors) {
        var problem = problem("invalid-command", "Invalid command", detail);
        problem.setProperty("errors", errors);
        return problem;
    }

    private static ProblemDetail problem(String type, String title, String detail) {
        var problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, detail);
        problem.setType(URI.create(ProblemJson.TYPE_BASE + type));
        problem.setTitle(title);
        return problem;
    }
}
