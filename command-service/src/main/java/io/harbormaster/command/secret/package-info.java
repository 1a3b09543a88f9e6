/**
 * The secret store port: where machine CAs, server and SSH keys and team cloud credentials live, never in events or
 * read models. {@link io.harbormaster.command.secret.SecretStore} is the port, with versioned writes like Vault's KV
 * version 2. Its adapters live in sub-packages and depend on this one, never the reverse: {@code vault} (production:
 * KV v2 through vault-java-driver, token or AppRole login) and {@code sealed} (the embedded default: AES-256-GCM rows
 * in PostgreSQL, the key in a 0600 file outside the database). {@code config} picks one from
 * {@code harbormaster.secrets.store}. Nothing here ever prints a secret value, a key or a token: not in toString,
 * not in an exception, not in a log line.
 */
package io.harbormaster.command.secret;
