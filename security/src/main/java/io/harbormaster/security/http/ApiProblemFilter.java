package io.harbormaster.security.http;

import io.harbormaster.db.DatabaseUnavailable;
import io.harbormaster.security.problem.ProblemJson;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The outermost filter of every {@code /api} request, in front of the security chain. It refuses bodies over the
 * limit before anything reads them, turns every {@code sendError} (Spring MVC's 404 and 405, a 415 for a wrong
 * content type) into a problem detail instead of the servlet container's error page, and answers an exception that
 * escaped everything else with a 500 problem that carries the correlation id and nothing internal. Without it such
 * errors were dispatched to {@code /error}, which the portal's chain guards: API clients got an empty 403 or a
 * redirect to the login page.
 */
final class ApiProblemFilter extends OncePerRequestFilter {

    static final String CORRELATION_HEADER = "X-Correlation-Id";
    private static final Logger log = LoggerFactory.getLogger(ApiProblemFilter.class);

    private final long maxBodyBytes;

    ApiProblemFilter(long maxBodyBytes) {
        this.maxBodyBytes = maxBodyBytes;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        var answer = new ProblemOnError(request, response);
        var body = BoundedBody.of(request, maxBodyBytes);
        if (body.isEmpty()) {
            answer.sendError(HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE);
            return;
        }
        try {
            chain.doFilter(body.get(), answer);
        } catch (IOException | ServletException | RuntimeException e) {
            if (response.isCommitted()) {
                throw e;
            }
            failed(request, answer, e);
        }
    }

    private void failed(HttpServletRequest request, ProblemOnError response, Exception e) throws IOException {
        response.resetBuffer();
        if (DatabaseUnavailable.isCause(e)) {
            log.warn("{} {} failed: database unavailable ({})", request.getMethod(), request.getRequestURI(),
                    e.getMessage());
            response.setHeader(HttpHeaders.RETRY_AFTER, "5");
            ProblemJson.write(response, 503, "database-unavailable", "Database unavailable",
                    DatabaseUnavailable.ADVICE, Map.of());
            return;
        }
        var correlationId = correlationId(response);
        log.error("{} {} failed (correlation id {})", request.getMethod(), request.getRequestURI(), correlationId, e);
        ProblemJson.write(response, 500, "internal-error", "Internal error", ProblemOnError.INTERNAL_ERROR_ADVICE,
                Map.of("correlationId", correlationId));
    }

    /** The request's correlation id as the acting context echoed it, or a new one for a request that had none. */
    static String correlationId(HttpServletResponse response) {
        var id = response.getHeader(CORRELATION_HEADER);
        if (id == null || id.isBlank()) {
            id = UUID.randomUUID().toString();
            response.setHeader(CORRELATION_HEADER, id);
        }
        return id;
    }

    @Override
    protected boolean shouldNotFilterErrorDispatch() {
        return true;
    }
}
