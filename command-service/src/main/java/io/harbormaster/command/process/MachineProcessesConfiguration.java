package io.harbormaster.command.process;

import io.harbormaster.db.replicas.ProcessorSegments;
import io.harbormaster.db.replicas.ReplicaNode;
import java.time.Duration;
import javax.sql.DataSource;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.messaging.StreamableMessageSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
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
 * <p>When this node claims segments of the processor (at start, or taking them over from a replica that died or let
 * them go), it says so with {@link MachineProcessesClaimed}, on which the recovery resumes what the previous holder
 * left unfinished for the machines in those segments.
 */
@Configuration(proxyBeanMethods = false)
class MachineProcessesConfiguration {

    /**
     * Several segments ({@code harbormaster.processors.machine-processes.segments}, default 4), so replicas share the
     * driver work. Every handler reacts to one machine's request event and calls that machine's driver; what it
     * reads besides the event is the same machine's pending operation and options on the write side. One machine's
     * events stay in order within its segment; the order between machines never mattered (their work runs
     * concurrently on the driver executor anyway). That one request's work runs once although segments move between
     * replicas is {@link MachineWorkClaims}' job.
     */
    @Bean
    ProcessorSegments machineProcessesSegments(
            @Value("${harbormaster.processors.machine-processes.segments:4}") int segments) {
        return new ProcessorSegments(MachineWork.PROCESSING_GROUP, segments);
    }

    /**
     * Claims on driver work in the database, so that two replicas never carry out one request. A claim's holder is
     * given up for dead after two token claim timeouts without a heartbeat: later than its segments, never while
     * it merely renews a little late.
     */
    @Bean
    MachineWorkClaims machineWorkClaims(ObjectProvider<DataSource> dataSource, ObjectProvider<ReplicaNode> node,
                                        @Value("${axon.eventhandling.tokenstore.claim-timeout:10s}") Duration claimTimeout) {
        var database = dataSource.getIfAvailable();
        var replica = node.getIfAvailable();
        return database == null || replica == null ? MachineWorkClaims.thisProcessOnly()
                : new JdbcMachineWorkClaims(database, replica, claimTimeout.multipliedBy(2));
    }

    @Bean
    ConfigurerModule machineProcessesFromTail(ApplicationEventPublisher publisher,
                                              ProcessorSegments machineProcessesSegments) {
        return configurer -> configurer.eventProcessing().registerTrackingEventProcessor(
                MachineWork.PROCESSING_GROUP,
                org.axonframework.config.Configuration::eventStore,
                axon -> machineProcessesSegments.tracking()
                        .andInitialTrackingToken(StreamableMessageSource::createTailToken)
                        .andEventTrackerStatusChangeListener(changes -> {
                            var claimed = changes.values().stream().filter(EventTrackerStatus::trackerAdded)
                                    .map(EventTrackerStatus::getSegment).toList();
                            if (!claimed.isEmpty()) {
                                publisher.publishEvent(new MachineProcessesClaimed(claimed));
                            }
                        }));
    }
}
