package io.harbormaster.api.user;

/** The caller's own personal API tokens, never their secrets. Answers {@link ApiTokenList}. */
public record FindOwnApiTokensQuery(Caller caller) {
}
