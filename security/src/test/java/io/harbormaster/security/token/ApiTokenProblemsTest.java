package io.harbormaster.security.token;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import org.junit.jupiter.api.Test;

/**
 * The token endpoints answer refusals exactly as the command side answered the User aggregate's refusals before the
 * endpoints moved to this module (status, type, title, detail): clients switch on these.
 */
class ApiTokenProblemsTest {

    @Test
    void anUnknownTokenIsTheAggregatesTokenNotFound() {
        var answer = ApiTokenProblems.tokenNotFound("7d3f0a4e-1111-4222-8333-944455556666");
        assertThat(answer.getStatusCode().value()).isEqualTo(404);
        assertThat(answer.getBody().getType()).isEqualTo(URI.create("https://harbormaster.dev/problems/token-not-found"));
        assertThat(answer.getBody().getTitle()).isEqualTo("Token not found");
        assertThat(answer.getBody().getDetail()).isEqualTo("No token with id 7d3f0a4e-1111-4222-8333-944455556666 was "
                + "issued to this user. List the user's tokens to find the right id.");
    }

    @Test
    void aMalformedTokenIdIsAnInvalidCommand_withoutFieldErrors() {
        assertThat(ApiTokenProblems.malformedTokenId("7d3f0a4e-1111-4222-8333-944455556666")).isEmpty();
        assertThat(ApiTokenProblems.malformedTokenId("x".repeat(64))).isEmpty();

        var blank = ApiTokenProblems.malformedTokenId(" ").orElseThrow();
        assertThat(blank.getStatusCode().value()).isEqualTo(400);
        assertThat(blank.getBody().getType()).isEqualTo(URI.create("https://harbormaster.dev/problems/invalid-command"));
        assertThat(blank.getBody().getTitle()).isEqualTo("Invalid command");
        assertThat(blank.getBody().getDetail()).isEqualTo("tokenId must not be blank");
        assertThat(blank.getBody().getProperties()).isNull();

        var tooLong = ApiTokenProblems.malformedTokenId(" " + "x".repeat(65) + " ").orElseThrow();
        assertThat(tooLong.getBody().getDetail()).isEqualTo("tokenId must be at most 64 characters; got 65");
    }

    @Test
    void anUnknownUserAndABadUserIdAreAnsweredAsBefore() {
        var unknown = ApiTokenProblems.userNotFound("7d3f0a4e-1111-4222-8333-944455556666");
        assertThat(unknown.getStatusCode().value()).isEqualTo(404);
        assertThat(unknown.getBody().getType()).isEqualTo(URI.create("https://harbormaster.dev/problems/user-not-found"));
        assertThat(unknown.getBody().getTitle()).isEqualTo("Not found");
        assertThat(unknown.getBody().getDetail())
                .isEqualTo("No user with id 7d3f0a4e-1111-4222-8333-944455556666 was found. Check the id.");

        var badId = ApiTokenProblems.notAUserId();
        assertThat(badId.getStatusCode().value()).isEqualTo(400);
        assertThat(badId.getBody().getDetail()).isEqualTo("The request has invalid fields: userId is not a user id "
                + "(a UUID). Correct them and send it again.");
        assertThat(badId.getBody().getProperties()).containsKey("errors");
    }
}
