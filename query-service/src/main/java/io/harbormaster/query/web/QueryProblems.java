package io.harbormaster.query.web;

import io.harbormaster.api.audit.ActingContext;
import io.harbormaster.api.audit.CurrentActingContext;
import io.harbormaster.db.DatabaseUnavailable;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.net.URI;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/**
 * Turns the query side's failures into RFC 9457 problem details with stable {@code type} URIs that clients can
 * switch on. Scoped to the query controllers and ordered first, so a broader advice elsewhere cannot reshape them.
 */
@RestControllerAdvice(basePackages = "io.harbormaster.query")
@Order(Ordered.HIGHEST_PRECEDENCE)
class QueryProblems {

    static final URI BAD_PARAMETER = URI.create("https://harbormaster.dev/problems/bad-parameter");
    static final URI NOT_FOUND = URI.create("https://harbormaster.dev/problems/not-found");
    static final URI FORBIDDEN = URI.create("https://harbormaster.dev/problems/forbidden");
    static final URI QUERY_TIMEOUT = URI.create("https://harbormaster.dev/problems/query-timeout");

    @ExceptionHandler(BadParameterException.class)
    ProblemDetail badParameter(BadParameterException e) {
        var problem = problem(HttpStatus.BAD_REQUEST, BAD_PARAMETER, "Bad request parameter", e.getMessage());
        problem.setProperty("parameter", e.parameter());
        if (!e.allowed().isEmpty()) {
            problem.setProperty("allowed", e.allowed());
        }
        return problem;
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ProblemDetail typeMismatch(MethodArgumentTypeMismatchException e) {
        var expected = e.getRequiredType() == null ? "another type" : e.getRequiredType().getSimpleName();
        return badParameter(new BadParameterException(e.getName(),
                e.getName() + " must be " + article(expected) + "; got '" + e.getValue() + "'"));
    }

    @ExceptionHandler(MissingServletRequestParameterException.class)
    ProblemDetail missing(MissingServletRequestParameterException e) {
        return badParameter(new BadParameterException(e.getParameterName(), e.getParameterName() + " is required"));
    }

    /** A refusal from a query handler or an api record's validation that no controller attributed to a parameter. */
    @ExceptionHandler(IllegalArgumentException.class)
    ProblemDetail illegalArgument(IllegalArgumentException e) {
        return problem(HttpStatus.BAD_REQUEST, BAD_PARAMETER, "Bad request", e.getMessage());
    }

    @ExceptionHandler(NotFoundException.class)
    ProblemDetail notFound(NotFoundException e) {
        return problem(HttpStatus.NOT_FOUND, NOT_FOUND, "Not found", e.getMessage());
    }

    @ExceptionHandler(ForbiddenException.class)
    ProblemDetail forbidden(ForbiddenException e) {
        return problem(HttpStatus.FORBIDDEN, FORBIDDEN, "Forbidden", e.getMessage());
    }

    @ExceptionHandler(Queries.QueryTimeoutException.class)
    ProblemDetail timeout(Queries.QueryTimeoutException e) {
        return problem(HttpStatus.SERVICE_UNAVAILABLE, QUERY_TIMEOUT, "Query timed out", e.getMessage());
    }

    static final URI DATABASE_UNAVAILABLE = URI.create("https://harbormaster.dev/problems/database-unavailable");
    static final URI INTERNAL_ERROR = URI.create("https://harbormaster.dev/problems/internal-error");
    private static final Logger log = LoggerFactory.getLogger(QueryProblems.class);

    /** Spring's own web errors keep their status and text; anything else says nothing internal. */
    @ExceptionHandler(RuntimeException.class)
    ProblemDetail unexpected(RuntimeException e, HttpServletRequest request, HttpServletResponse servletResponse) {
        if (e instanceof ErrorResponse response) {
            return response.getBody();
        }
        if (DatabaseUnavailable.isCause(e)) {
            log.warn("Query {} failed: database unavailable ({})", request.getRequestURI(), e.getMessage());
            servletResponse.setHeader("Retry-After", "5");
            return problem(HttpStatus.SERVICE_UNAVAILABLE, DATABASE_UNAVAILABLE, "Database unavailable",
                    DatabaseUnavailable.ADVICE);
        }
        var correlationId = CurrentActingContext.get().map(ActingContext::correlationId).orElse("none");
        log.error("Query {} failed (correlation id {})", request.getRequestURI(), correlationId, e);
        var problem = problem(HttpStatus.INTERNAL_SERVER_ERROR, INTERNAL_ERROR, "Internal error",
                "Something went wrong on the server and was logged. Try again later; if it persists, give an "
                        + "administrator the correlationId of this answer.");
        problem.setProperty("correlationId", correlationId);
        return problem;
    }

    private static ProblemDetail problem(HttpStatus status, URI type, String title, String detail) {
        var problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(type);
        problem.setTitle(title);
        return problem;
    }

    private static String article(String type) {
        return switch (type) {
            case "int", "Integer", "long", "Long" -> "a whole number";
            default -> "a " + type;
        };
    }
}
