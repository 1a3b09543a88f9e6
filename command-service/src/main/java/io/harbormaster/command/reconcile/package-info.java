/**
 * The reconciler: polls every machine's driver for the host's state and address and, for provisioned machines, the
 * Docker Engine itself (mutual-TLS {@code GET /_ping}); records what changed with what did not answer
 * ({@code MachineStateObserved} with a reason, {@code IpChanged}), and so heals an address change without a manual
 * step.
 */
package io.harbormaster.command.reconcile;
