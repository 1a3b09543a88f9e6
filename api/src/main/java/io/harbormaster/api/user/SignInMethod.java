package io.harbormaster.api.user;

/** How someone tried to sign in. */
public enum SignInMethod {
    /** Username and password: the portal's form or HTTP Basic on the API. */
    PASSWORD,
    /** A personal API token in {@code Authorization: Bearer}. */
    API_TOKEN,
    /** An external OpenID Connect provider. */
    OIDC
}
