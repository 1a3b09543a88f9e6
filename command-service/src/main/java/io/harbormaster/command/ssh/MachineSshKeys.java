package io.harbormaster.command.ssh;

import io.harbormaster.api.machine.MachineId;
import io.harbormaster.command.secret.Secret;
import io.harbormaster.command.secret.SecretMissingException;
import io.harbormaster.command.secret.SecretPath;
import io.harbormaster.command.secret.SecretStore;
import java.util.Locale;
import java.util.Map;

/**
 * A machine's SSH key pair in the secret store: one secret at {@code harbormaster/machines/<id>/ssh} holding the
 * private key (OpenSSH or PEM text) and the public key (an {@code authorized_keys} line), one version per key.
 * Callers keep the {@link MachineSshKey} reference (path and version) in their events and load exactly that key when
 * they connect. The host key pin is not kept here: it is not secret, and events record it.
 */
public class MachineSshKeys {

    static final String PRIVATE_KEY = "private-key";
    static final String PUBLIC_KEY = "public-key";
    static final String ORIGIN = "origin";

    private final SecretStore secrets;

    public MachineSshKeys(SecretStore secrets) {
        this.secrets = secrets;
    }

    /** Makes a new Ed25519 key pair for the machine and stores it as the next version. */
    public MachineSshKey generate(MachineId machineId) {
        return store(machineId, PrivateKeyText.generateEd25519(), MachineSshKey.Origin.GENERATED);
    }

    /**
     * Stores a user's own private key for the machine as the next version, after checking that it can be used:
     * readable, not protected by a passphrase, of a type OpenSSH accepts. Throws {@link InvalidSshKeyException} when
     * not, with a message that says how to fix the key and never quotes it.
     */
    public MachineSshKey importKey(MachineId machineId, String privateKeyText) {
        return store(machineId, PrivateKeyText.parse(privateKeyText), MachineSshKey.Origin.IMPORTED);
    }

    /** The key {@code reference} names, ready to authenticate with. */
    public SshKey load(MachineSshKey reference) {
        var path = SecretPath.of(reference.secretPath());
        Secret secret = secrets.read(path, reference.secretVersion())
                .orElseThrow(() -> new SecretMissingException(path));
        return PrivateKeyText.parse(secret.value(PRIVATE_KEY));
    }

    /** The machine's current key (its latest version), ready to authenticate with. */
    public SshKey loadCurrent(MachineId machineId) {
        var path = SecretPath.machineSsh(machineId);
        return PrivateKeyText.parse(secrets.require(path).value(PRIVATE_KEY));
    }

    /** The machine's current public key as an {@code authorized_keys} line, or empty when it has no key. */
    public java.util.Optional<String> currentPublicKey(MachineId machineId) {
        return secrets.read(SecretPath.machineSsh(machineId)).map(secret -> secret.value(PUBLIC_KEY));
    }

    /** Removes every version of the machine's key pair, as when the machine is removed; nothing there is fine. */
    public void destroy(MachineId machineId) {
        secrets.destroy(SecretPath.machineSsh(machineId));
    }

    private MachineSshKey store(MachineId machineId, SshKey key, MachineSshKey.Origin origin) {
        var path = SecretPath.machineSsh(machineId);
        var version = secrets.write(path, Map.of(
                PRIVATE_KEY, key.privateKeyText(),
                PUBLIC_KEY, key.publicKey(),
                ORIGIN, origin.name().toLowerCase(Locale.ROOT)));
        return new MachineSshKey(path.value(), version.number(), key.type(), key.fingerprint(), key.publicKey(), origin);
    }
}
