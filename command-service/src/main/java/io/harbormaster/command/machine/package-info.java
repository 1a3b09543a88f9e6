/**
 * Machines on the write side: the {@link io.harbormaster.command.machine.Machine} aggregate and its transition
 * table, the creation handler that claims names, the processes that call drivers and report back (resuming, on
 * start-up, those a restart cut off), and the command REST API under {@code /api/machines}.
 */
package io.harbormaster.command.machine;
