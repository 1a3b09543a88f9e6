package io.harbormaster.security.token;

import io.harbormaster.api.user.UserId;
import io.harbormaster.security.account.Account;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Personal API tokens: the caller's own under {@code /api/tokens}, any user's under {@code /api/users/{id}/tokens}
 * for platform admins. What issuing and revoking do, and why issuing is one transaction, is {@link ApiTokens}'s,
 * which the portal's tokens view uses too; this class only speaks HTTP.
 */
@RestController
@Tag(name = "API tokens")
class ApiTokenController {

    private final ApiTokens service;

    ApiTokenController(ApiTokens service) {
        this.service = service;
    }

    @Schema(name = "IssueApiTokenRequest", example = """

            {"name": "laptop", "expiresInDays": 30}""")

    record IssueRequest(String name, Integer expiresInDays) {
    }

    /** The only answer that ever holds the token. */
    @Schema(name = "IssuedApiToken")
    record IssuedToken(String tokenId, String name, Instant expiresAt, String token) {

        @Override
        public String toString() {
            return "IssuedToken[" + tokenId + ", " + name + ", token=***]";
        }
    }

    @PostMapping("/api/tokens")
    @Operation(operationId = "issueApiToken", summary = "Create a personal API token", description = "The token is "
            + "in this answer only; use it as `Authorization: Bearer <token>`. `expiresInDays` 1..365, default 30; "
            + "`name` 1..64 characters.")
    @ApiResponse(responseCode = "201", description = "Created; the token is in this answer only",
            content = @Content(schema = @Schema(implementation = IssuedToken.class)))
    @ApiResponse(responseCode = "400", description = "A name or expiry out of range; `errors` names the field")
    ResponseEntity<?> issue(@AuthenticationPrincipal Account caller, @RequestBody IssueRequest request) {
        var issued = service.issue(caller.userId(), request.name(), request.expiresInDays());
        return ResponseEntity.created(URI.create("/api/tokens/" + issued.tokenId()))
                .body(new IssuedToken(issued.tokenId(), issued.name(), issued.expiresAt(), issued.token()));
    }

    @GetMapping("/api/tokens")
    @Operation(operationId = "listApiTokens", summary = "List your API tokens (never their secrets)")
    List<ApiTokenStore.TokenSummary> list(@AuthenticationPrincipal Account caller) {
        return service.list(caller.userId());
    }

    @DeleteMapping("/api/tokens/{tokenId}")
    @Operation(operationId = "revokeApiToken", summary = "Revoke one of your API tokens")
    @ApiResponse(responseCode = "204", description = "Revoked, or revoked already")
    @ApiResponse(responseCode = "400", description = "A malformed token id")
    @ApiResponse(responseCode = "404", description = "No such user, or no such token of the user")
    ResponseEntity<?> revoke(@AuthenticationPrincipal Account caller, @PathVariable String tokenId) {
        service.revoke(caller.userId(), tokenId);
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/api/users/{userId}/tokens")
    @Operation(operationId = "listUserApiTokens", summary = "List a user's API tokens (platform admins only)")
    List<ApiTokenStore.TokenSummary> listOf(@PathVariable String userId) {
        return service.list(UserId.of(userId));
    }

    @DeleteMapping("/api/users/{userId}/tokens/{tokenId}")
    @Operation(operationId = "revokeUserApiToken", summary = "Revoke a user's API token (platform admins only)")
    @ApiResponse(responseCode = "204", description = "Revoked, or revoked already")
    @ApiResponse(responseCode = "400", description = "A malformed token id")
    @ApiResponse(responseCode = "404", description = "No such user, or no such token of the user")
    ResponseEntity<?> revokeOf(@PathVariable String userId, @PathVariable String tokenId) {
        service.revoke(UserId.of(userId), tokenId);
        return ResponseEntity.noContent().build();
    }

    @ExceptionHandler(ApiTokens.RefusedException.class)
    ResponseEntity<ProblemDetail> refused(ApiTokens.RefusedException e) {
        return e.answer();
    }

    @ExceptionHandler(AggregateNotFoundException.class)
    ResponseEntity<ProblemDetail> noSuchUser(AggregateNotFoundException e) {
        return ApiTokenProblems.userNotFound(String.valueOf(e.getAggregateIdentifier()));
    }

    @ExceptionHandler(IllegalArgumentException.class)
    ResponseEntity<ProblemDetail> badId(IllegalArgumentException e) {
        return ApiTokenProblems.notAUserId();
    }
}
