package io.harbormaster.command.cert;

import io.harbormaster.db.replicas.ProcessorSegments;
import org.springframework.beans.factory.annotation.Value;
import io.harbormaster.command.secret.SecretStore;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.messaging.StreamableMessageSource;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The certificate authority and the machines' TLS material, with the policy from {@link CertificateProperties}. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(CertificateProperties.class)
class CertificateConfiguration {

    /**
     * From the start of the stream (a first run destroys what is left of every machine removed so far, which is
     * harmless), retrying on errors rather than skipping the event.
     */
    @Bean
    ConfigurerModule machineTlsCleanupProcessing(ProcessorSegments machineSecretsCleanupSegments) {
        return configurer -> configurer.eventProcessing()
                .registerTrackingEventProcessor(MachineTlsCleanup.PROCESSING_GROUP,
                        org.axonframework.config.Configuration::eventStore,
                        axon -> machineSecretsCleanupSegments.tracking()
                                .andInitialTrackingToken(StreamableMessageSource::createTailToken))
                .registerListenerInvocationErrorHandler(MachineTlsCleanup.PROCESSING_GROUP,
                        axon -> PropagatingErrorHandler.instance());
    }

    /**
     * The clean-up may have several segments ({@code harbormaster.processors.machine-secrets-cleanup.segments}): each
     * handler destroys one removed machine's own secrets and reads nothing of other aggregates, so the order between
     * machines does not matter. One by default: machines are removed rarely and one segment keeps up.
     */
    @Bean
    ProcessorSegments machineSecretsCleanupSegments(
            @Value("${harbormaster.processors.machine-secrets-cleanup.segments:1}") int segments) {
        return new ProcessorSegments(MachineTlsCleanup.PROCESSING_GROUP, segments);
    }

    @Bean
    CertificateAuthority certificateAuthority() {
        return new CertificateAuthority();
    }

    /** Imported machines' CAs (hm import), kept in the same secret as the CAs made here. */
    @Bean
    ImportedMachineTls importedMachineTls(SecretStore secrets) {
        return new ImportedMachineTls(secrets, java.time.Clock.systemUTC());
    }

    @Bean
    MachineTls machineTls(CertificateAuthority authority, SecretStore secrets, CertificateProperties properties) {
        return new MachineTls(authority, secrets, properties.policy());
    }
}
