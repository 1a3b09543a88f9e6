package io.harbormaster.web.token;

import io.harbormaster.web.account.QueryAnswers;
import io.harbormaster.api.user.ApiTokenList;
import io.harbormaster.api.user.Caller;
import io.harbormaster.api.user.FindOwnApiTokensQuery;
import io.harbormaster.web.account.SignedInUser;
import io.harbormaster.api.user.IssueOwnApiTokenCommand;
import io.harbormaster.api.user.IssuedOwnApiToken;
import io.harbormaster.api.user.RevokeOwnApiTokenCommand;
import io.harbormaster.api.user.UserSummary;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.stereotype.Service;

/**
 * Sends the token commands and queries over Axon's buses as the signed-in user: the security module's handlers take
 * the owner from the command's actor, which is this user (acting context with channel {@code ui}), so the portal can
 * only ever manage its user's own tokens. The user's id comes from the users read model by username, as for the
 * machine list.
 */
@Service
class GatewayApiTokenService implements ApiTokenService {

    private static final long TIMEOUT_SECONDS = 30;

    private final CommandGateway commands;
    private final QueryGateway queries;

    private final SignedInUser signedIn;

    GatewayApiTokenService(CommandGateway commands, QueryGateway queries, SignedInUser signedIn) {
        this.commands = commands;
        this.queries = queries;
        this.signedIn = signedIn;
    }

    @Override
    public IssuedOwnApiToken issue(String name, int expiresInDays) {
        return asSignedInUser(() -> commands.sendAndWait(new IssueOwnApiTokenCommand(name, expiresInDays),
                TIMEOUT_SECONDS, TimeUnit.SECONDS));
    }

    @Override
    public List<ApiTokenList.Token> list() {
        var user = signedInUser();
        return ask(new FindOwnApiTokensQuery(new Caller(user.id(), user.platformAdmin())), ApiTokenList.class).tokens();
    }

    @Override
    public void revoke(String tokenId) {
        asSignedInUser(() -> commands.sendAndWait(new RevokeOwnApiTokenCommand(tokenId), TIMEOUT_SECONDS,
                TimeUnit.SECONDS));
    }

    private <T> T asSignedInUser(Supplier<T> work) {
        return signedIn.act(work);
    }

    private UserSummary signedInUser() {
        return signedIn.account();
    }

    private <T> T ask(Object query, Class<T> answer) {
        return QueryAnswers.ask(queries, query, answer, 10);
    }
}
