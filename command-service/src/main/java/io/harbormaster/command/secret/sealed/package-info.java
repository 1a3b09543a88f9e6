/**
 * The sealed database adapter of the secret store, the embedded default: AES-256-GCM rows in PostgreSQL, the key in a
 * 0600 file outside the database.
 */
package io.harbormaster.command.secret.sealed;
