package io.harbormaster.command.ssh;

import io.harbormaster.api.machine.MachineId;
import io.harbormaster.command.secret.SecretPath;
import io.harbormaster.command.secret.SecretStore;
import java.util.Map;
import java.util.Optional;

/**
 * Machines' SSH user certificate authorities in the secret store: one secret at
 * {@code harbormaster/machines/<id>/ssh-user-ca} holding the private key (OpenSSH text) and the public key (an
 * {@code authorized_keys} line for {@code TrustedUserCAKeys}), one version per key. The provisioning process makes a
 * machine's CA when it first provisions the host ({@link #loadOrGenerate}), the SSH certificate issuer signs with it,
 * and {@link MachineSshKeyCleanup} destroys it with the machine.
 */
public class MachineSshUserCas {

    static final String PRIVATE_KEY = "private-key";
    static final String PUBLIC_KEY = "public-key";

    private final SecretStore secrets;

    public MachineSshUserCas(SecretStore secrets) {
        this.secrets = secrets;
    }

    /** Makes a new authority for the machine and stores it as the next version (a rotation when one exists). */
    public SshUserCa generate(MachineId machineId) {
        var ca = SshUserCa.generate(machineId);
        secrets.write(SecretPath.machineSshUserCa(machineId), Map.of(
                PRIVATE_KEY, ca.privateKeyText(),
                PUBLIC_KEY, ca.publicKey()));
        return ca;
    }

    /** The machine's current authority (its latest version), or empty when it has none. */
    public Optional<SshUserCa> find(MachineId machineId) {
        return secrets.read(SecretPath.machineSshUserCa(machineId))
                .map(secret -> SshUserCa.fromPrivateKeyText(machineId, secret.value(PRIVATE_KEY)));
    }

    /** The machine's current authority; {@link io.harbormaster.command.secret.SecretMissingException} when none. */
    public SshUserCa load(MachineId machineId) {
        var secret = secrets.require(SecretPath.machineSshUserCa(machineId));
        return SshUserCa.fromPrivateKeyText(machineId, secret.value(PRIVATE_KEY));
    }

    /** The machine's current authority, made and stored first when it has none. */
    public SshUserCa loadOrGenerate(MachineId machineId) {
        return find(machineId).orElseGet(() -> generate(machineId));
    }

    /** The current authority's public key line, or empty when the machine has none; reads no private key. */
    public Optional<String> currentPublicKey(MachineId machineId) {
        return secrets.read(SecretPath.machineSshUserCa(machineId)).map(secret -> secret.value(PUBLIC_KEY));
    }

    /** Removes every version, as when the machine is removed; nothing there is fine. */
    public void destroy(MachineId machineId) {
        secrets.destroy(SecretPath.machineSshUserCa(machineId));
    }
}
