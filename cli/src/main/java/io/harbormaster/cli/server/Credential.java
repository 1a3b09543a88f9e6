package io.harbormaster.cli.server;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * How a request proves who sends it, and where that proof came from, so a refusal can say which one to fix.
 * {@link #toString()} never shows the secret.
 */
public sealed interface Credential {

    /** The {@code Authorization} header value, or null to send none. */
    String header();

    /** What to tell the user when the server answers 401 with this credential. */
    String refusal(ServerAddress server);

    /** A personal API token from {@code hm login}, kept in the login file. */
    record StoredToken(String token, String tokenName, String loginFile) implements Credential {

        @Override
        public String header() {
            return "Bearer " + token;
        }

        @Override
        public String refusal(ServerAddress server) {
            return "Your login to " + server + " is no longer valid (token '" + tokenName
                    + "' expired or was revoked). Run: hm login " + server;
        }

        @Override
        public String toString() {
            return "StoredToken[" + tokenName + "]";
        }
    }

    /** {@code HM_TOKEN}, for CI jobs and scripts. */
    record EnvironmentToken(String token) implements Credential {

        @Override
        public String header() {
            return "Bearer " + token;
        }

        @Override
        public String refusal(ServerAddress server) {
            return "Harbormaster at " + server + " refused the token in HM_TOKEN: it expired, was revoked or is "
                    + "mistyped. Create a new one with 'hm tokens create NAME' or in the portal, or unset HM_TOKEN.";
        }

        @Override
        public String toString() {
            return "EnvironmentToken[***]";
        }
    }

    /** A username and password: what {@code hm login} asks once, or {@code HM_USER}/{@code HM_PASSWORD}. */
    record Password(String username, String password, String source) implements Credential {

        @Override
        public String header() {
            return "Basic " + Base64.getEncoder().encodeToString(
                    (username + ":" + password).getBytes(StandardCharsets.UTF_8));
        }

        @Override
        public String refusal(ServerAddress server) {
            return "Harbormaster at " + server + " refused the username or password" + source
                    + ". Check them and try again.";
        }

        @Override
        public String toString() {
            return "Password[" + username + ", ***]";
        }
    }

    /** Nothing to send: the workstation is not logged in. */
    record None() implements Credential {

        @Override
        public String header() {
            return null;
        }

        @Override
        public String refusal(ServerAddress server) {
            return "Not logged in to " + server + ". Run: hm login " + server;
        }
    }
}
