/**
 * The machine processes: everything that calls drivers, SSH or the certificate authority in reaction to a stored
 * request event (the reconciler, which calls drivers on a timer, is in {@code command.reconcile}). {@link io.harbormaster.command.process.MachineWork} is their one skeleton (after commit, bounded
 * work on virtual threads as the system, a report command back to the machine); the pending-operation bookkeeping
 * that lets a restart resume cut-off work lives here too. One sub-package per feature: {@code operation} (create,
 * lifecycle operations, removal), {@code provisioning}, {@code certificate} (renewal and installation),
 * {@code upgrade}, {@code recovery}. Nothing here decides: the aggregates do, before any of this runs.
 */
package io.harbormaster.command.process;
