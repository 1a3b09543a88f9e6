package io.harbormaster.command.ssh;

import io.harbormaster.api.machine.MachineRemoved;
import io.harbormaster.command.cert.MachineTlsCleanup;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.stereotype.Component;

/**
 * Destroys a removed machine's SSH key pair and SSH user CA in the secret store, on the same retrying processor as its
 * TLS material ({@link MachineTlsCleanup}). Certificates the CA signed need no cleanup: they expire within minutes,
 * and with the CA's private key gone no new one can be made, so the public key a host may keep trusting (a generic
 * machine's host is left as it is) opens nothing.
 */
@Component
@ProcessingGroup(MachineTlsCleanup.PROCESSING_GROUP)
class MachineSshKeyCleanup {

    private final MachineSshKeys keys;
    private final MachineSshUserCas userCas;

    MachineSshKeyCleanup(MachineSshKeys keys, MachineSshUserCas userCas) {
        this.keys = keys;
        this.userCas = userCas;
    }

    @EventHandler
    void on(MachineRemoved event) {
        keys.destroy(event.machineId());
        userCas.destroy(event.machineId());
    }
}
