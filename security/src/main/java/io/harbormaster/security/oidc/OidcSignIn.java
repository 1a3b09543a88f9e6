package io.harbormaster.security.oidc;

import java.util.function.Function;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;

/**
 * Hands the portal's chain (web-ui) the authentication to keep after a successful OIDC sign-in: the same
 * {@code Account} principal a password sign-in yields, so the acting context, the portal and the API's notion of the
 * user stay unchanged. The OIDC token is dropped.
 */
final class OidcSignIn implements Function<OAuth2AuthenticationToken, Authentication> {

    @Override
    public Authentication apply(OAuth2AuthenticationToken token) {
        if (!(token.getPrincipal() instanceof AccountOidcUser user)) {
            throw new IllegalStateException("OIDC sign-in without Harbormaster's account mapping");
        }
        var account = user.account();
        var authentication = UsernamePasswordAuthenticationToken.authenticated(account, null, account.getAuthorities());
        authentication.setDetails(token.getDetails());
        return authentication;
    }
}
