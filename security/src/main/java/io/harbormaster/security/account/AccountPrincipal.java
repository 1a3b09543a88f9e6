package io.harbormaster.security.account;

/** A principal of some other sign-in mechanism (OIDC) that already knows the platform {@link Account} it maps to. */
public interface AccountPrincipal {

    Account account();
}
