package io.harbormaster.security.token;

import io.harbormaster.api.user.UserId;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;

/**
 * The token endpoints' RFC 9457 answers. Type, title and detail are those the API gives for the same refusal
 * elsewhere (the User aggregate's refusals as the command side maps them), so clients need not know that tokens are
 * served by the security module.
 */
final class ApiTokenProblems {

    /** The User aggregate's limit for a token id ({@code RevokeApiTokenCommand}). */
    static final int MAX_TOKEN_ID_LENGTH = 64;

    private ApiTokenProblems() {
    }

    /**
     * Refuses a token id the User aggregate would refuse as malformed, with its words; empty when the id is well
     * formed. Checked here because a refusal thrown by the aggregate is a command-side type this module cannot name.
     */
    static Optional<ResponseEntity<ProblemDetail>> malformedTokenId(String tokenId) {
        if (tokenId == null || tokenId.isBlank()) {
            return Optional.of(problem(HttpStatus.BAD_REQUEST, "invalid-command", "Invalid command",
                    "tokenId must not be blank"));
        }
        var length = tokenId.strip().length();
        if (length > MAX_TOKEN_ID_LENGTH) {
            return Optional.of(problem(HttpStatus.BAD_REQUEST, "invalid-command", "Invalid command",
                    "tokenId must be at most " + MAX_TOKEN_ID_LENGTH + " characters; got " + length));
        }
        return Optional.empty();
    }

    static ResponseEntity<ProblemDetail> tokenNotFound(String tokenId) {
        return problem(HttpStatus.NOT_FOUND, "token-not-found", "Token not found", "No token with id " + tokenId
                + " was issued to this user. List the user's tokens to find the right id.");
    }

    static ResponseEntity<ProblemDetail> userNotFound(String userId) {
        return problem(HttpStatus.NOT_FOUND, "user-not-found", "Not found",
                "No user with id " + userId + " was found. Check the id.");
    }

    static ResponseEntity<ProblemDetail> notAUserId() {
        return invalid("userId", "is not a user id (a UUID)");
    }

    static ResponseEntity<ProblemDetail> invalid(String field, String message) {
        var response = problem(HttpStatus.BAD_REQUEST, "invalid-command", "Invalid command",
                "The request has invalid fields: " + field + " " + message + ". Correct them and send it again.");
        response.getBody().setProperty("errors", List.of(Map.of("field", field, "message", message)));
        return response;
    }

    private static ResponseEntity<ProblemDetail> problem(HttpStatus status, String code, String title, String detail) {
        var problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create("https://harbormaster.dev/problems/" + code));
        problem.setTitle(title);
        return ResponseEntity.status(status).body(problem);
    }
}
