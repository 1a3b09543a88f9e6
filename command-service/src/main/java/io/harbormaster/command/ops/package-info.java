/**
 * What the write side tells operators: meters of the commands handled, by type and outcome. The driver, provisioning,
 * reconciler and client-certificate meters are recorded where that work happens; docs/operations.md lists them all.
 */
package io.harbormaster.command.ops;
