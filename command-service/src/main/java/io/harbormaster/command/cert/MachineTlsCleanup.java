package io.harbormaster.command.cert;

import io.harbormaster.api.machine.MachineRemoved;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Destroys a removed machine's TLS material in the secret store. It runs on its own tracking processor, which starts
 * at the beginning of the stream and whose errors propagate, so a secret store that is down is retried (with Axon's back-off) until the
 * material is gone, instead of being skipped; destroying twice is harmless.
 */
@Component
@ProcessingGroup(MachineTlsCleanup.PROCESSING_GROUP)
public class MachineTlsCleanup {

    public static final String PROCESSING_GROUP = "machine-secrets-cleanup";
    private static final Logger log = LoggerFactory.getLogger(MachineTlsCleanup.class);

    private final MachineTls tls;

    MachineTlsCleanup(MachineTls tls) {
        this.tls = tls;
    }

    @EventHandler
    void on(MachineRemoved event) {
        tls.destroy(event.machineId());
        log.info("Destroyed the TLS material of removed machine {}", event.machineId().value());
    }
}
