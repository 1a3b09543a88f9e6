/**
 * Machines on the write side: the {@link io.harbormaster.command.machine.Machine} aggregate (its state in
 * {@code RecordedMachine}, the processes' reports in {@code ReportedMachine}, its guards in {@code GuardedMachine}, its
 * SSH certificate decisions in {@code SshCertifyingMachine}) and its transition table, the creation handler that
 * claims names and stores the machine's SSH key, the commands only the command side sends (reports, observations,
 * renewals, client- and SSH-certificate grants), and the REST API of machine lifecycle, access and certificates.
 * It only decides and records: the work that follows a decision is in
 * {@code io.harbormaster.command.process}. Drivers and SSH keys are reached through this package's own ports,
 * {@link io.harbormaster.command.machine.DriverRules} and {@link io.harbormaster.command.machine.MachineKeys};
 * {@link io.harbormaster.command.machine.RenewalOutcomes} lets a request answer with the certificates it asked for.
 */
package io.harbormaster.command.machine;
