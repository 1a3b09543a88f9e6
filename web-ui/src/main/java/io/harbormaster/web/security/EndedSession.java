package io.harbormaster.web.security;

import java.net.URI;
import java.util.Arrays;
import java.util.stream.Collectors;
import org.springframework.security.web.savedrequest.SavedRequest;

/**
 * A portal session that ended under the user: it timed out, or the replica that held it died and the load balancer
 * sent the browser to one that never knew it (portal sessions live in their node's memory, docs/operations.md).
 * {@link EndedSessionMarker} notices it; what the login page says about it is here.
 *
 * @param page the path (and query) the user was on, where signing in takes them back to; null when Spring Security
 *             saved no request for after the sign-in
 */
record EndedSession(String page) {

    /** Spring Security's request cache marks the saved request's URL with this parameter; the page is the same. */
    private static final String REQUEST_CACHE_MARKER = "continue";

    static EndedSession returningTo(SavedRequest saved) {
        return new EndedSession(saved == null || saved.getRedirectUrl() == null ? null : pageOf(saved.getRedirectUrl()));
    }

    private static String pageOf(String url) {
        var uri = URI.create(url);
        var path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        var query = uri.getRawQuery() == null ? "" : Arrays.stream(uri.getRawQuery().split("&"))
                .filter(parameter -> !parameter.equals(REQUEST_CACHE_MARKER)
                        && !parameter.startsWith(REQUEST_CACHE_MARKER + "="))
                .collect(Collectors.joining("&"));
        return query.isEmpty() ? path : path + "?" + query;
    }

    /** What the login page says. */
    String message() {
        return "Your session ended: it timed out, or the server that held it stopped. Sign in again to "
                + (page == null ? "continue" : "go back to " + page)
                + ". Everything you saved is kept; only input you had not yet submitted is lost.";
    }
}
