package io.harbormaster.security.http;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.web.ErrorResponse;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * Requests no endpoint matches (a wrong method, content type or Accept) answer through {@code sendError} with the
 * exception's headers ({@code Allow}, {@code Accept}), so that the API's outermost filter words them like every
 * other such answer ({@link ProblemOnError}). Before Spring Boot's generic problem handler, which would answer them
 * without a type.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
class UnmatchedRequests {

    @ExceptionHandler({HttpRequestMethodNotSupportedException.class, HttpMediaTypeNotSupportedException.class,
            HttpMediaTypeNotAcceptableException.class, NoResourceFoundException.class})
    void unmatched(Exception e, HttpServletResponse response) throws IOException {
        var error = (ErrorResponse) e;
        error.getHeaders().forEach((name, values) -> values.forEach(value -> response.addHeader(name, value)));
        response.sendError(error.getStatusCode().value());
    }
}
