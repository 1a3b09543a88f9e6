package io.harbormaster.security.context;

import io.harbormaster.api.audit.ActingContext;
import io.harbormaster.api.audit.CurrentActingContext;
import io.harbormaster.api.user.Caller;
import io.harbormaster.security.account.Account;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.regex.Pattern;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Turns the authenticated request into the acting context that every command of this request carries: the account,
 * the channel (the CLI says so in a header; everything else on the API is {@code api}), the client address and a
 * correlation id (the caller's, if well-formed, so a client can follow its request through the audit log).
 */
public class ActingContextFilter extends OncePerRequestFilter {

    static final String CORRELATION_HEADER = "X-Correlation-Id";
    private static final Pattern SAFE_CORRELATION_ID = Pattern.compile("^[A-Za-z0-9._-]{1,64}$");

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        var authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || !(authentication.getPrincipal() instanceof Account account)) {
            chain.doFilter(request, response);
            return;
        }
        var correlationId = request.getHeader(CORRELATION_HEADER);
        if (correlationId == null || !SAFE_CORRELATION_ID.matcher(correlationId).matches()) {
            correlationId = null;
        }
        var context = new ActingContext(account.userId().value(), account.username(), RequestChannel.of(request),
                request.getRemoteAddr(), correlationId);
        response.setHeader(CORRELATION_HEADER, context.correlationId());
        // the query side answers only what this caller may see
        request.setAttribute(Caller.REQUEST_ATTRIBUTE, new Caller(account.userId(), account.platformAdmin()));
        CurrentActingContext.set(context);
        try {
            chain.doFilter(request, response);
        } finally {
            CurrentActingContext.clear();
        }
    }
}
