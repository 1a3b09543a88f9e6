/**
 * Security for every process that serves the API: accounts and personal API tokens (hashes) beside the event store,
 * the API's security chain (Bearer tokens, HTTP Basic), the back-off after failed sign-ins, the sign-in audit, OIDC
 * sign-in for the portal, and the filter that turns an authenticated request into the acting context of its commands.
 * Wired by {@link io.harbormaster.security.HarbormasterSecurityAutoConfiguration}. Knows the api and the schema only,
 * never the command side, the query side, the portal or a launcher. See {@code docs/security.md}.
 */
package io.harbormaster.security;
