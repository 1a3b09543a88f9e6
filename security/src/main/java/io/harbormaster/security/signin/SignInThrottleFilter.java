package io.harbormaster.security.signin;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;
import io.harbormaster.security.problem.SignInProblems;
import org.springframework.http.HttpHeaders;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * First on the API chain: a request that presents credentials (Basic or Bearer) while its key is locked by
 * {@link SignInThrottle} is answered 429 with {@code Retry-After} before the credentials are even checked. Requests
 * without credentials pass; they are not sign-in attempts.
 */
public class SignInThrottleFilter extends OncePerRequestFilter {

    private final SignInThrottle throttle;

    public SignInThrottleFilter(SignInThrottle throttle) {
        this.throttle = throttle;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        var locked = lockedFor(request);
        if (locked.isPresent()) {
            SignInProblems.tooManyFailures(response, locked.get());
            return;
        }
        chain.doFilter(request, response);
    }

    private Optional<Duration> lockedFor(HttpServletRequest request) {
        var header = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (header == null) {
            return Optional.empty();
        }
        var address = request.getRemoteAddr();
        // The scheme alone decides which key to check; whether the token is any good is the token filter's job.
        if (header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return throttle.tokenLocked(address);
        }
        if (header.regionMatches(true, 0, "Basic ", 0, 6)) {
            return throttle.passwordLocked(basicUsername(header.substring(6).strip()), address);
        }
        return Optional.empty();
    }

    /** The username of a Basic header; a malformed header is left to Spring's Basic filter to refuse. */
    private static String basicUsername(String encoded) {
        try {
            var decoded = new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8);
            var colon = decoded.indexOf(':');
            return colon < 0 ? decoded : decoded.substring(0, colon);
        } catch (IllegalArgumentException e) {
            return "";
        }
    }
}
