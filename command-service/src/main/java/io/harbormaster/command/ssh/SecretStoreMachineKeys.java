package io.harbormaster.command.ssh;

import io.harbormaster.api.machine.MachineId;
import io.harbormaster.command.machine.MachineKeys;
import org.springframework.stereotype.Component;

/** The creation's view of machines' SSH keys: the keys kept in the secret store by {@link MachineSshKeys}. */
@Component
public class SecretStoreMachineKeys implements MachineKeys {

    private final MachineSshKeys keys;

    public SecretStoreMachineKeys(MachineSshKeys keys) {
        this.keys = keys;
    }

    @Override
    public void importKey(MachineId machineId, String privateKey) {
        keys.importKey(machineId, privateKey);
    }

    @Override
    public void check(String privateKey) {
        PrivateKeyText.parse(privateKey);
    }

    @Override
    public void generate(MachineId machineId) {
        keys.generate(machineId);
    }

    @Override
    public void destroy(MachineId machineId) {
        keys.destroy(machineId);
    }
}
