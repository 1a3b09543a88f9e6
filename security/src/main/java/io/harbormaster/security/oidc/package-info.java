/**
 * Signing in to the portal with an OpenID Connect provider ({@code harbormaster.oidc.*}): the mapping of a verified
 * identity to an account (registered on first sign-in) and to memberships of existing teams. See
 * {@code docs/security.md}, "Signing in with OIDC".
 */
package io.harbormaster.security.oidc;
