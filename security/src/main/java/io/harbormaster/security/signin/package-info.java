/**
 * Signing in and guarding it: the throttled password provider shared by the API and the portal, the back-off after
 * failed sign-ins ({@link io.harbormaster.security.signin.SignInThrottle}) and the sign-in audit trail. See
 * {@code docs/security.md}.
 */
package io.harbormaster.security.signin;
