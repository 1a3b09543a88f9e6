package io.harbormaster.security.problem;

import io.harbormaster.db.DatabaseUnavailable;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpHeaders;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.InternalAuthenticationServiceException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.stereotype.Component;

/** Answers unauthenticated and forbidden API calls with RFC 9457 problem details, like every other API error. */
@Component
public class ProblemAuthenticationEntryPoint implements AuthenticationEntryPoint, AccessDeniedHandler {

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
            throws IOException {
        // Credentials could not even be checked: saying "not signed in" would send people hunting for a typo.
        if (e instanceof InternalAuthenticationServiceException && DatabaseUnavailable.isCause(e)) {
            databaseUnavailable(response);
            return;
        }
        response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"harbormaster\"");
        ProblemJson.write(response, 401, "unauthenticated", "Not signed in",
                "Sign in with HTTP Basic (user name and password) to use the API.");
    }

    /** 503 with Retry-After: the embedded database's watchdog restarts PostgreSQL within seconds. */
    static void databaseUnavailable(HttpServletResponse response) throws IOException {
        response.setHeader(HttpHeaders.RETRY_AFTER, "5");
        ProblemJson.write(response, 503, "database-unavailable", "Database unavailable", DatabaseUnavailable.ADVICE);
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException e)
            throws IOException {
        ProblemJson.write(response, 403, "forbidden", "Forbidden", "Your account may not do this; ask a platform admin.");
    }
}
