package io.harbormaster.security.oidc;

import io.harbormaster.security.account.Account;
import io.harbormaster.security.account.AccountPrincipal;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;

/**
 * The OIDC user of one sign-in together with the platform {@link Account} it maps to. It lives only until the sign-in
 * succeeds: then {@link OidcSignIn} replaces the whole authentication by one of the {@link Account}, so neither the
 * ID token nor any other token stays in the session.
 */
final class AccountOidcUser extends DefaultOidcUser implements AccountPrincipal {

    private final transient Account account;

    AccountOidcUser(OidcUser user, Account account) {
        super(account.getAuthorities(), user.getIdToken(), user.getUserInfo());
        this.account = account;
    }

    @Override
    public Account account() {
        return account;
    }

    @Override
    public String getName() {
        return account.username();
    }
}
