package io.harbormaster.command.machine;

import io.harbormaster.api.machine.MachineId;

/**
 * The machine's own SSH key in the secret store, as the creation needs it: imported from the creator or generated.
 * The SSH layer implements it; the key never enters a command result or an event.
 */
public interface MachineKeys {

    /** Stores the creator's private key (OpenSSH or PEM text) as the machine's key; refuses an unreadable one. */
    void importKey(MachineId machineId, String privateKey);

    /** Refuses a private key the machine could not use (unreadable, passphrase-protected), storing nothing. */
    void check(String privateKey);

    /** Generates and stores a new key for the machine. */
    void generate(MachineId machineId);

    /** Forgets the machine's key, as when its creation was refused after the key was stored. */
    void destroy(MachineId machineId);
}
