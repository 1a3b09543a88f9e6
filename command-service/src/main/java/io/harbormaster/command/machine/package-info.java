/**
 * Machines on the write side: the {@link io.harbormaster.command.machine.Machine} aggregate and its transition
 * table, the creation handler that claims names, and the command REST API under {@code /api/machines}. It only
 * decides and records: the work that follows a decision is in {@code io.harbormaster.command.process}.
 */
package io.harbormaster.command.machine;
