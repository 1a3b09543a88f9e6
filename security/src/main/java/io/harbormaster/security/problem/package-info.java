/**
 * The problem details (RFC 9457) the API's security chain answers with before any controller runs: not signed in,
 * forbidden, database unavailable, invalid token, too many failed sign-ins. The texts are fixed and never echo
 * credentials.
 */
package io.harbormaster.security.problem;
