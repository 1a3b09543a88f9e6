/**
 * The reconciler: polls every machine's driver for the host's state and address, records what changed
 * ({@code MachineStateObserved}, {@code IpChanged}), and so heals an address change without a manual step.
 */
package io.harbormaster.command.reconcile;
