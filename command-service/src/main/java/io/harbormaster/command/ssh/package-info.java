/**
 * SSH to the hosts behind machines, over sshj: a key pair per machine kept in the secret store (generated, or a
 * user's own key imported) in {@link io.harbormaster.command.ssh.MachineSshKeys}, and sessions opened by
 * {@link io.harbormaster.command.ssh.SshSessions} that pin the host key on first contact and then run commands,
 * upload files with a mode and read files back through {@link io.harbormaster.command.ssh.RemoteHost}. Every failure a
 * user can meet is its own {@link io.harbormaster.command.ssh.SshException} with a message that names the target and
 * what to do next; no message, log line or {@code toString()} here ever holds private key material. It also provides
 * {@link io.harbormaster.command.ssh.HostShells} to drivers and processes, the creation's
 * {@link io.harbormaster.command.machine.MachineKeys} ({@code SecretStoreMachineKeys}) and
 * {@code GET /api/machines/{id}/ssh-public-key}. For users' own SSH access: a machine's SSH user certificate
 * authority ({@link io.harbormaster.command.ssh.SshUserCa}, kept by
 * {@link io.harbormaster.command.ssh.MachineSshUserCas}), which the provisioner makes the host's sshd trust, and the
 * short-lived OpenSSH user certificates it signs ({@link io.harbormaster.command.ssh.OpenSshUserCertificate}, made by
 * {@link io.harbormaster.command.ssh.SshUserCertificatePolicy}).
 */
package io.harbormaster.command.ssh;
