package io.harbormaster.security.token;

import io.harbormaster.security.account.Account;
import java.time.Instant;
import org.springframework.security.authentication.AbstractAuthenticationToken;

/**
 * A request signed in with a personal API token: the principal is the owner's {@link Account}, exactly as after HTTP
 * Basic, so every access rule is the same; it also names which token was used, so a client can revoke the token it
 * signed in with ({@code GET /api/me}, then {@code DELETE /api/tokens/{tokenId}}). Holds no secret: the token
 * itself is gone once its hash was looked up.
 */
public final class ApiTokenAuthentication extends AbstractAuthenticationToken {

    private final Account account;
    private final UsedToken token;

    public ApiTokenAuthentication(Account account, UsedToken token) {
        super(account.getAuthorities());
        this.account = account;
        this.token = token;
        setAuthenticated(true);
    }

    /** Which token signed the request in: its id, the name its owner gave it, when it expires. */
    public record UsedToken(String tokenId, String name, Instant expiresAt) {
    }

    public UsedToken token() {
        return token;
    }

    @Override
    public Object getCredentials() {
        return null;
    }

    @Override
    public Account getPrincipal() {
        return account;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ApiTokenAuthentication that && super.equals(that) && token.equals(that.token);
    }

    @Override
    public int hashCode() {
        return 31 * super.hashCode() + token.hashCode();
    }
}
