package io.harbormaster.command.ssh;

import io.harbormaster.api.machine.MachineRemoved;
import io.harbormaster.command.cert.MachineTlsCleanup;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.stereotype.Component;

/**
 * Destroys a removed machine's SSH key pair in the secret store, on the same retrying processor as its TLS material
 * ({@link MachineTlsCleanup}).
 */
@Component
@ProcessingGroup(MachineTlsCleanup.PROCESSING_GROUP)
class MachineSshKeyCleanup {

    private final MachineSshKeys keys;

    MachineSshKeyCleanup(MachineSshKeys keys) {
        this.keys = keys;
    }

    @EventHandler
    void on(MachineRemoved event) {
        keys.destroy(event.machineId());
    }
}
