package io.harbormaster.command.process;

import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.TrackingEventProcessorConfiguration;
import org.axonframework.messaging.StreamableMessageSource;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The machine processes get their own tracking processor whose first token is the plain tail of the event stream.
 * Axon's default first token is a replay up to the head at the moment the processor first runs; with
 * {@code @DisallowReplay} every request appended before that moment (the first machines created right after a fresh
 * start, say) would be skipped and its machine left waiting forever. Old requests are harmless instead: the
 * processes call a driver only for an operation that is still pending on the write side.
 *
 * <p>When this node claims the processor's segment (at start, or taking it over from a replica that died), it says
 * so with {@link MachineProcessesClaimed}, on which the recovery resumes what the previous holder left unfinished.
 */
@Configuration(proxyBeanMethods = false)
class MachineProcessesConfiguration {

    @Bean
    ConfigurerModule machineProcessesFromTail(ApplicationEventPublisher publisher) {
        return configurer -> configurer.eventProcessing().registerTrackingEventProcessor(
                MachineWork.PROCESSING_GROUP,
                org.axonframework.config.Configuration::eventStore,
                axon -> TrackingEventProcessorConfiguration.forSingleThreadedProcessing()
                        .andInitialTrackingToken(StreamableMessageSource::createTailToken)
                        .andEventTrackerStatusChangeListener(changes -> {
                            if (changes.values().stream().anyMatch(EventTrackerStatus::trackerAdded)) {
                                publisher.publishEvent(new MachineProcessesClaimed());
                            }
                        }));
    }
}
