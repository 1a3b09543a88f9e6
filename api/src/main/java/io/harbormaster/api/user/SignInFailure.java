package io.harbormaster.api.user;

/** Why a sign-in was refused, as far as it is safe to say. */
public enum SignInFailure {
    /** The password did not match the account. */
    BAD_CREDENTIALS,
    /** No account has that username; the name tried is not recorded (people type passwords into it). */
    UNKNOWN_ACCOUNT,
    /** The account exists but is disabled, or has no password yet. */
    ACCOUNT_DISABLED,
    /** The token is unknown, revoked or expired. */
    INVALID_TOKEN,
    /** The identity provider refused, or its identity maps to no account. */
    PROVIDER_REFUSED
}
