/**
 * What {@code hm ssh} and {@code hm scp} need on the workstation: OpenSSH's client programs
 * ({@link io.harbormaster.cli.ssh.SshPrograms}), the workstation's own key, made on first use
 * ({@link io.harbormaster.cli.ssh.WorkstationKey}), hm's own {@code known_hosts} that holds each machine's host key as
 * Harbormaster pinned it ({@link io.harbormaster.cli.ssh.KnownHosts}), and a short-lived certificate from the server
 * for each run, turned into the options of {@code ssh} and {@code scp} ({@link io.harbormaster.cli.ssh.SshLogins}).
 */
package io.harbormaster.cli.ssh;
