/**
 * The Vault adapter of the secret store: KV version 2 through vault-java-driver, token or AppRole login, retries for
 * transient failures. See docs/vault.md.
 */
package io.harbormaster.command.secret.vault;
