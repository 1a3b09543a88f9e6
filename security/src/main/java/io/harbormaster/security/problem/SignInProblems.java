package io.harbormaster.security.problem;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import org.springframework.http.HttpHeaders;

/** The problem details the API's sign-in filters answer with; the texts are fixed and never echo credentials. */
public final class SignInProblems {

    private SignInProblems() {
    }

    public static void invalidToken(HttpServletResponse response) throws IOException {
        response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"harbormaster\", error=\"invalid_token\"");
        ProblemJson.write(response, 401, "invalid-token", "Invalid token",
                "The API token is unknown, revoked or expired, or its account is disabled. Create a new token.");
    }

    public static void tooManyFailures(HttpServletResponse response, Duration retryAfter) throws IOException {
        var seconds = Math.max(1, retryAfter.toSeconds() + (retryAfter.toNanosPart() > 0 ? 1 : 0));
        response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
        ProblemJson.write(response, 429, "too-many-sign-in-failures", "Too many failed sign-ins",
                "Too many failed sign-ins from this address; sign-in is refused for " + seconds
                        + " seconds, even with the right credentials. Wait and try again.");
    }
}
