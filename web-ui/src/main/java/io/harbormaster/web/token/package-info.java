/**
 * Personal API tokens in the portal: the view where any signed-in user (password or OIDC) issues a token for a
 * workstation, sees it once as the {@code hm login} line to run, and lists and revokes their tokens. It reaches the
 * security module's token service over Axon's command and query buses, never directly.
 */
package io.harbormaster.web.token;
