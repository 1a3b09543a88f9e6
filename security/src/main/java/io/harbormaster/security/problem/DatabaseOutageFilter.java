package io.harbormaster.security.problem;

import io.harbormaster.db.DatabaseUnavailable;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * First in the API's security chain: when anything behind it (the bearer-token lookup, the sign-in audit, a
 * controller) fails because the database is out of reach, the client gets 503 problem details with Retry-After.
 * Without it such a failure left the chain as a servlet error, which the portal's chain answered with a redirect to
 * its sign-in page.
 */
public class DatabaseOutageFilter extends OncePerRequestFilter {

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try {
            chain.doFilter(request, response);
        } catch (ServletException | IOException | RuntimeException e) {
            if (!DatabaseUnavailable.isCause(e) || response.isCommitted()) {
                throw e;
            }
            response.resetBuffer();
            ProblemAuthenticationEntryPoint.databaseUnavailable(response);
        }
    }
}
