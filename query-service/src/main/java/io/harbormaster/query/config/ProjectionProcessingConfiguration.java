package io.harbormaster.query.config;

import io.harbormaster.query.admin.ProjectionRebuilder;
import org.axonframework.common.jpa.EntityManagerProvider;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventhandling.TrackingEventProcessorConfiguration;
import org.axonframework.eventhandling.deadletter.jpa.JpaSequencedDeadLetterQueue;
import org.axonframework.messaging.annotation.HandlerEnhancerDefinition;
import javax.sql.DataSource;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * How the projections consume the event stream. Handling events in batches puts many events in one transaction and
 * one token update: with one event per transaction the read side fell hundreds of events behind a busy write side.
 * Every projection is idempotent, so a batch that is retried after a failure does no harm.
 *
 * <p>An event a projection cannot apply (a value PostgreSQL refuses, a bug) would otherwise fail its batch again and
 * again and stop the projection for good. Each projection therefore has Axon's sequenced dead-letter queue, stored
 * in {@code dead_letter_entry} (migration V5): the failing event is parked together with every later event of the
 * same aggregate, and all other aggregates keep flowing. Platform admins list, retry and evict the parked events
 * ({@code /api/admin/dead-letters}).
 */
@Configuration(proxyBeanMethods = false)
class ProjectionProcessingConfiguration {

    @Bean
    ConfigurerModule projectionBatching(@Value("${harbormaster.projections.batch-size:100}") int batchSize) {
        return configurer -> ProjectionRebuilder.PROCESSING_GROUPS.forEach(group -> configurer.eventProcessing()
                .registerTrackingEventProcessorConfiguration(group,
                        c -> TrackingEventProcessorConfiguration.forSingleThreadedProcessing().andBatchSize(batchSize)));
    }

    /**
     * The dead-letter queue of every projection. The handlers' errors must reach the queue, so they propagate
     * (Axon's default would log and skip the event). A reset (rebuild) empties the group's queue, because the replay
     * parks whatever still fails again. The cache remembers which aggregates have no parked event, so most events
     * need no look-up in the queue's table.
     */
    @Bean
    ConfigurerModule projectionDeadLetters(EntityManagerProvider entityManagers, TransactionManager transactions) {
        return configurer -> ProjectionRebuilder.PROCESSING_GROUPS.forEach(group -> configurer.eventProcessing()
                .registerListenerInvocationErrorHandler(group, c -> PropagatingErrorHandler.instance())
                .registerDeadLetterQueue(group, c -> JpaSequencedDeadLetterQueue.builder()
                        .processingGroup(group)
                        .entityManagerProvider(entityManagers)
                        .transactionManager(transactions)
                        .eventSerializer(c.eventSerializer())
                        .genericSerializer(c.serializer())
                        .build())
                .registerDeadLetterPolicy(group, c -> new ParkingPolicy())
                .registerDeadLetteringEventHandlerInvokerConfiguration(group,
                        (c, builder) -> builder.allowReset(true).enableSequenceIdentifierCache()));
    }

    /** Puts each projection handler in a savepoint, so that a failed one leaves a transaction the queue can use. */
    @Bean
    HandlerEnhancerDefinition projectionSavepoints(DataSource dataSource) {
        return new ProjectionSavepoints(dataSource);
    }
}
