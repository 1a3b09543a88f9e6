package io.harbormaster.command.web;

import io.harbormaster.db.DatabaseUnavailable;
import io.harbormaster.command.refusal.DriverOptionsRefusedException;
import io.harbormaster.command.refusal.CommandRefusedException;
import io.harbormaster.command.refusal.ConflictException;
import io.harbormaster.command.refusal.ForbiddenException;
import io.harbormaster.command.refusal.NotVisibleException;
import io.harbormaster.command.refusal.InvalidCommandException;
import io.harbormaster.command.refusal.NotFoundException;
import io.harbormaster.command.refusal.UnprocessableCommandException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.concurrent.TimeoutException;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import io.harbormaster.command.secret.SecretMissingException;
import io.harbormaster.command.secret.SecretStoreException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.axonframework.modelling.command.ConflictingAggregateVersionException;
import org.axonframework.modelling.command.ConflictingModificationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/**
 * Answers every failure of a command endpoint with an RFC 9457 problem detail: a stable {@code type} URI clients can
 * switch on, a title, and a detail that says what happened and what to do next; never a stack trace. Refusals map
 * by their base class: invalid 400, not found 404, conflict 409, unprocessable 422. Scoped to the command
 * controllers and ordered first, like the query side's own advice.
 */
@RestControllerAdvice(basePackages = "io.harbormaster.command")
@Order(Ordered.HIGHEST_PRECEDENCE)
class CommandProblems {

    private static final Logger log = LoggerFactory.getLogger(CommandProblems.class);

    private final Commands commands;

    CommandProblems(Commands commands) {
        this.commands = commands;
    }

    @ExceptionHandler(CommandRefusedException.class)
    ProblemDetail refused(CommandRefusedException e) {
        var status = switch (e) {
            case InvalidCommandException invalid -> HttpStatus.BAD_REQUEST;
            case NotFoundException notFound -> HttpStatus.NOT_FOUND;
            case ForbiddenException forbidden -> HttpStatus.FORBIDDEN;
            case ConflictException conflict -> HttpStatus.CONFLICT;
            case UnprocessableCommandException unprocessable -> HttpStatus.UNPROCESSABLE_CONTENT;
            default -> HttpStatus.BAD_REQUEST;
        };
        var problem = Problems.of(status, e.code(), e.title(), e.getMessage());
        e.properties().forEach(problem::setProperty);
        switch (e) {
            case InvalidCommandException invalid -> Problems.withErrors(problem, List.of(
                    Problems.error(invalid.field(), invalid.getMessage())));
            case DriverOptionsRefusedException options -> Problems.withErrors(problem, List.of(
                    Problems.error("driverOptions." + options.option(), options.getMessage())));
            default -> { }
        }
        return problem;
    }

    @ExceptionHandler(MethodArgumentNotValidException.class)
    ProblemDetail invalidBody(MethodArgumentNotValidException e) {
        var errors = e.getBindingResult().getFieldErrors().stream()
                .map(error -> Problems.error(error.getField(), error.getDefaultMessage()))
                .toList();
        var summary = errors.stream().map(error -> error.get("field") + ": " + error.get("message")).toList();
        var problem = Problems.of(HttpStatus.BAD_REQUEST, "invalid-command", "Invalid command",
                "The request has invalid fields: " + String.join("; ", summary) + ". Correct them and send it again.");
        return Problems.withErrors(problem, errors);
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ProblemDetail unreadableBody(HttpMessageNotReadableException e) {
        return Problems.unreadable(e);
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ProblemDetail typeMismatch(MethodArgumentTypeMismatchException e) {
        var expected = e.getRequiredType() == null ? "another type" : e.getRequiredType().getSimpleName();
        var message = e.getName() + " must be a " + expected.toLowerCase(java.util.Locale.ROOT) + "; got '" + e.getValue() + "'";
        return refused(new InvalidCommandException(e.getName(), message));
    }

    @ExceptionHandler(AggregateNotFoundException.class)
    ProblemDetail notFound(AggregateNotFoundException e, HttpServletRequest request) {
        var subject = Problems.subject(request);
        return Problems.of(HttpStatus.NOT_FOUND, subject + "-not-found", "Not found",
                NotVisibleException.unknownMessage(subject, e.getAggregateIdentifier()));
    }

    @ExceptionHandler(ConflictingModificationException.class)
    ProblemDetail changedMeanwhile(ConflictingModificationException e, HttpServletRequest request) {
        var since = e instanceof ConflictingAggregateVersionException version
                ? " since version " + version.getExpectedVersion() : " meanwhile";
        return Problems.of(HttpStatus.CONFLICT, "concurrent-modification", "Changed by someone else", "The "
                + Problems.subject(request) + " was changed by someone else" + since + "; reload and retry.");
    }

    @ExceptionHandler(ConcurrencyException.class)
    ProblemDetail concurrent(ConcurrencyException e, HttpServletRequest request) {
        return Problems.of(HttpStatus.CONFLICT, "concurrent-modification", "Changed by someone else", "The "
                + Problems.subject(request) + " was changed by someone else while this request ran; reload and retry.");
    }

    /**
     * The secret store (Vault, or the sealed database store) could not serve the request: 409 when the material an
     * event names is gone (regenerating fixes it), 503 otherwise. The store's messages hold no secret.
     */
    @ExceptionHandler(SecretStoreException.class)
    ProblemDetail secretStore(SecretStoreException e, HttpServletRequest request) {
        log.warn("{} {}: secret store failure: {}", request.getMethod(), request.getRequestURI(), e.getMessage());
        if (e instanceof SecretMissingException) {
            return Problems.of(HttpStatus.CONFLICT, "secret-missing", "Secret missing", e.getMessage());
        }
        return Problems.of(HttpStatus.SERVICE_UNAVAILABLE, "secret-store-unavailable", "Secret store unavailable",
                e.getMessage());
    }

    @ExceptionHandler(UserRequiredException.class)
    ProblemDetail userRequired(UserRequiredException e) {
        return Problems.of(HttpStatus.FORBIDDEN, "user-required", "User required", e.getMessage());
    }

    /** Over a distributed command bus refusals arrive wrapped; locally only a timeout does. */
    @ExceptionHandler(CommandExecutionException.class)
    ProblemDetail execution(CommandExecutionException e, HttpServletRequest request, HttpServletResponse servletResponse) {
        return switch (e.getCause()) {
            case CommandRefusedException refusal -> refused(refusal);
            case TimeoutException timeout -> Problems.of(HttpStatus.GATEWAY_TIMEOUT, "command-timeout",
                    "Command timed out", "The command did not finish within " + commands.timeoutSeconds()
                            + " seconds. It may still take effect: check the current state before sending it again.");
            case null, default -> unexpected(e, request, servletResponse);
        };
    }

    /** Spring's own web errors keep their status and text; anything else is a 500 that says nothing internal. */
    @ExceptionHandler(RuntimeException.class)
    ProblemDetail unexpected(RuntimeException e, HttpServletRequest request, HttpServletResponse servletResponse) {
        if (e instanceof ErrorResponse response) {
            return response.getBody();
        }
        if (DatabaseUnavailable.isCause(e)) {
            log.warn("Command request {} {} failed: database unavailable ({})", request.getMethod(),
                    request.getRequestURI(), e.getMessage());
            servletResponse.setHeader("Retry-After", "5");
            return Problems.of(HttpStatus.SERVICE_UNAVAILABLE, "database-unavailable", "Database unavailable",
                    DatabaseUnavailable.ADVICE);
        }
        var correlationId = Problems.correlationId();
        log.error("Command request {} {} failed (correlation id {})", request.getMethod(), request.getRequestURI(),
                correlationId, e);
        var problem = Problems.of(HttpStatus.INTERNAL_SERVER_ERROR, "internal-error", "Internal error",
                "Something went wrong on the server and was logged. Try again later; if it persists, give an "
                        + "administrator the correlationId of this answer.");
        problem.setProperty("correlationId", correlationId);
        return problem;
    }
}
