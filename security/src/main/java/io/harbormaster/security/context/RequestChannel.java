package io.harbormaster.security.context;

import io.harbormaster.api.common.Channel;
import jakarta.servlet.http.HttpServletRequest;

/**
 * The channel an API request came through. Shared by the acting context (commands) and the sign-in audit (refusals),
 * so a request is attributed to the same channel in both.
 */
public final class RequestChannel {

    static final String CHANNEL_HEADER = "X-Harbormaster-Channel";

    private RequestChannel() {
    }

    /** Clients may only claim to be the CLI; ui, reconciler and system are set by the platform itself. */
    public static Channel of(HttpServletRequest request) {
        var claimed = request.getHeader(CHANNEL_HEADER);
        return "cli".equalsIgnoreCase(claimed == null ? "" : claimed.strip()) ? Channel.CLI : Channel.API;
    }
}
