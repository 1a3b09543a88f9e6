package io.harbormaster.web.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Notices, in the portal's filter chain, a browser that comes with a session this node does not have: the session
 * timed out, or it lived on a replica that died and the load balancer sent the browser here (portal sessions are
 * in their node's memory, docs/operations.md). The mark goes into the new session the browser gets, for
 * {@link LoginView} to say why the user has to sign in again. Only the first such request is marked: it gives the
 * browser a new session, whose id every later request carries. A sign-out deletes the session cookie, so signing out
 * is not taken for an ended session.
 */
final class EndedSessionMarker extends OncePerRequestFilter {

    static final String ATTRIBUTE = EndedSessionMarker.class.getName();

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (request.getRequestedSessionId() != null && !request.isRequestedSessionIdValid()) {
            request.getSession(true).setAttribute(ATTRIBUTE, Boolean.TRUE);
        }
        chain.doFilter(request, response);
    }
}
