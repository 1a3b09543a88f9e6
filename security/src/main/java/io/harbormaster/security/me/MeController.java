package io.harbormaster.security.me;

import io.harbormaster.api.team.FindMembershipsQuery;
import io.harbormaster.api.team.Memberships;
import io.harbormaster.api.team.TeamRole;
import io.harbormaster.api.user.Caller;
import io.harbormaster.security.account.Account;
import io.harbormaster.security.account.AccountPrincipal;
import io.harbormaster.security.token.ApiTokenAuthentication;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Who the caller is, as the platform sees this request: the account, how the request signed in (and with which API
 * token, so a client can revoke the token it signed in with), and the caller's teams with their role in each. For
 * the hm CLI's {@code login}, {@code whoami} and {@code logout}, and for the portal alike.
 */
@RestController
@Tag(name = "Users")
public class MeController {

    /** A team answer that never comes would hold the request; the other queries wait as long. */
    private static final long TIMEOUT_SECONDS = 10;

    private final QueryGateway queries;

    MeController(QueryGateway queries) {
        this.queries = queries;
    }

    @Schema(name = "Me", description = "The signed-in user and how this request signed in")
    record Me(String userId, String username, String displayName, boolean platformAdmin,
              @Schema(description = "password (HTTP Basic), token (a personal API token), oidc or session (the "
                      + "portal's sign-ins; the API itself is stateless, so API calls answer password or token)",
                      allowableValues = {"password", "token", "oidc", "session"})
              String authenticatedBy,
              @Schema(description = "The API token this request signed in with; null for other sign-ins")
              UsedToken token,
              List<Team> teams) {
    }

    @Schema(name = "MeToken", description = "Which personal API token signed the request in (never the secret)")
    record UsedToken(String tokenId, String name, Instant expiresAt) {
    }

    @Schema(name = "MeTeam")
    record Team(String teamId, String name, TeamRole role) {
    }

    @GetMapping("/api/me")
    @Operation(operationId = "getMe", summary = "Who am I: the signed-in user, how they signed in, their teams",
            description = "Any signed-in user. `token` names the personal API token the request signed in with "
                    + "(revoke it with DELETE /api/tokens/{tokenId}); `teams` are the teams the user has a role in "
                    + "(also for platform admins, who may see every team).")
    @ApiResponse(responseCode = "200", description = "The caller")
    Me me(Authentication authentication) {
        var account = account(authentication);
        var memberships = queries.query(new FindMembershipsQuery(new Caller(account.userId(), account.platformAdmin())),
                        ResponseTypes.instanceOf(Memberships.class))
                .orTimeout(TIMEOUT_SECONDS, TimeUnit.SECONDS)
                .join();
        var token = authentication instanceof ApiTokenAuthentication byToken
                ? new UsedToken(byToken.token().tokenId(), byToken.token().name(), byToken.token().expiresAt())
                : null;
        return new Me(account.userId().value(), account.username(), memberships.displayName(),
                account.platformAdmin(), authenticatedBy(authentication), token,
                memberships.teams().stream()
                        .map(team -> new Team(team.teamId().value(), team.name(), team.role()))
                        .toList());
    }

    private static Account account(Authentication authentication) {
        return switch (authentication.getPrincipal()) {
            case Account account -> account;
            case AccountPrincipal principal -> principal.account();
            default -> throw new IllegalStateException("a signed-in request without a platform account");
        };
    }

    /** The API chain knows Basic and tokens; the other two name the portal's sign-ins should it ever ask. */
    static String authenticatedBy(Authentication authentication) {
        if (authentication instanceof ApiTokenAuthentication) {
            return "token";
        }
        if (authentication.getPrincipal() instanceof AccountPrincipal) {
            return "oidc";
        }
        if (authentication instanceof UsernamePasswordAuthenticationToken) {
            return "password";
        }
        return "session";
    }
}
