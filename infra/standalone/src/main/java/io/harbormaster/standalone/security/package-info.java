/**
 * The embedded default's built-in sign-in: accounts and personal API tokens (hashes) beside the event store, the API's
 * security chain (Bearer tokens, HTTP Basic), the back-off after failed sign-ins, and the filter that turns an
 * authenticated request into the acting context of its commands. See {@code docs/security.md}.
 */
package io.harbormaster.standalone.security;
