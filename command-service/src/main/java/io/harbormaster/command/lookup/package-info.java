/**
 * Write-side lookups in PostgreSQL (tables {@code cmd_*}, migration {@code V2__command_lookups.sql}): name claims
 * that make machine names per team, team names and usernames unique, and the existence and membership facts that
 * commands check. Claims are made by command handlers and the rest is kept by
 * {@link io.harbormaster.command.lookup.LookupMaintainer} in the subscribing processing group
 * {@value io.harbormaster.command.lookup.LookupMaintainer#PROCESSING_GROUP}, both inside the transaction that
 * appends the events, so a refused or failed command leaves no trace here either. The same transaction records
 * which driver operation each machine waits on ({@link io.harbormaster.command.process.PendingOperations}), so an
 * operation cut off by a restart can be resumed.
 */
package io.harbormaster.command.lookup;
