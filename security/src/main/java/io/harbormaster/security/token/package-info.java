/**
 * Personal API tokens ({@code Authorization: Bearer hm_...}): issuing and revoking them through the User aggregate,
 * their hashes ({@code sec_api_token}), and the filter that signs a request in with one.
 */
package io.harbormaster.security.token;
