/**
 * docker-machine's machine verbs against the server: {@code ls}, {@code env}, {@code config}, {@code active},
 * {@code status}, {@code url}, {@code ip}, {@code inspect}, {@code create}, {@code start}, {@code stop},
 * {@code restart}, {@code kill}, {@code provision}, {@code upgrade}, {@code regenerate-certs}, {@code rm}, and
 * {@code ssh} and {@code scp} with OpenSSH's client ({@code io.harbormaster.cli.ssh}), with docker-machine's flags,
 * lines and exit codes (1 for any failure, 3 for a create that was refused before anything was made; {@code ssh}
 * exits as ssh does, 255 when no login happened).
 *
 * <p>Commands that change a machine send the request ({@link io.harbormaster.cli.machine.MachineCommands}) and then
 * follow the machine's event stream ({@link io.harbormaster.cli.machine.MachineEvents}) until the outcome
 * ({@link io.harbormaster.cli.machine.Operation} says which entries count); {@code --no-wait} skips the wait.
 */
package io.harbormaster.cli.machine;
