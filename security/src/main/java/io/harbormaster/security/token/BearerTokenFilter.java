package io.harbormaster.security.token;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import io.harbormaster.security.problem.SignInProblems;
import io.harbormaster.security.signin.SignInAudit;
import io.harbormaster.security.signin.SignInThrottle;
import java.io.IOException;
import java.time.Clock;
import java.util.Optional;
import org.springframework.http.HttpHeaders;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * {@code Authorization: Bearer <token>} on the API: the token's hash is looked up; an unknown, revoked or expired
 * token, or one whose account is disabled, is answered 401, counted by {@link SignInThrottle} and recorded by
 * {@link SignInAudit}. A good token signs
 * the request in as its owner's {@link io.harbormaster.security.account.Account}, exactly like HTTP Basic, so the acting context and every access
 * rule work unchanged; the authentication ({@link ApiTokenAuthentication}) also names the token used (its id, name
 * and expiry, never the secret), for {@code GET /api/me}. The token is never logged or kept beyond this request.
 */
public class BearerTokenFilter extends OncePerRequestFilter {

    private static final String BEARER = "Bearer ";

    private final ApiTokenStore tokens;
    private final SignInThrottle throttle;
    private final SignInAudit audit;
    private final Clock clock;

    public BearerTokenFilter(ApiTokenStore tokens, SignInThrottle throttle, SignInAudit audit, Clock clock) {
        this.tokens = tokens;
        this.throttle = throttle;
        this.audit = audit;
        this.clock = clock;
    }

    private static boolean isBearer(String authorization) {
        return authorization != null && authorization.regionMatches(true, 0, BEARER, 0, BEARER.length());
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        var header = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (!isBearer(header)) {
            chain.doFilter(request, response);
            return;
        }
        var token = header.substring(BEARER.length()).strip();
        var now = clock.instant();
        var found = ApiTokenSecrets.wellFormed(token)
                ? tokens.findByHash(ApiTokenSecrets.hash(token))
                        .filter(t -> !t.revoked() && t.expiresAt().isAfter(now) && t.account().enabled())
                : Optional.<ApiTokenStore.FoundToken>empty();
        if (found.isEmpty()) {
            throttle.tokenFailed(request.getRemoteAddr());
            audit.tokenRefused(request);
            SecurityContextHolder.clearContext();
            SignInProblems.invalidToken(response);
            return;
        }
        tokens.touch(found.get(), now);
        var account = found.get().account();
        var strategy = SecurityContextHolder.getContextHolderStrategy();
        var context = strategy.createEmptyContext();
        context.setAuthentication(new ApiTokenAuthentication(account,
                new ApiTokenAuthentication.UsedToken(found.get().tokenId(), found.get().name(), found.get().expiresAt())));
        strategy.setContext(context);
        chain.doFilter(request, response);
    }
}
