package io.harbormaster.command.machine;

import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.TrackingEventProcessorConfiguration;
import org.axonframework.messaging.StreamableMessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Runs the machine processes on their own tracking processor that, the first time it runs, starts at the head of
 * the event stream. A processor starting at the tail would call drivers again for every machine ever created: that
 * first catch-up is not a replay, so {@code @DisallowReplay} would not stop it.
 */
@Configuration(proxyBeanMethods = false)
class MachineProcessesConfiguration {

    @Bean
    ConfigurerModule machineProcessesFromHead() {
        return configurer -> configurer.eventProcessing().registerTrackingEventProcessor(
                MachineProcesses.PROCESSING_GROUP,
                org.axonframework.config.Configuration::eventStore,
                axon -> TrackingEventProcessorConfiguration.forSingleThreadedProcessing()
                        .andInitialTrackingToken(StreamableMessageSource::createHeadToken));
    }
}
