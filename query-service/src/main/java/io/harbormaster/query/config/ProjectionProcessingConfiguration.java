package io.harbormaster.query.config;

import io.harbormaster.db.replicas.ProcessorSegments;
import io.harbormaster.query.admin.ProjectionRebuilder;
import io.harbormaster.query.audit.AuditTrailProjection;
import io.harbormaster.query.machine.MachineListProjection;
import io.harbormaster.query.team.TeamsProjection;
import io.harbormaster.query.user.UsersProjection;
import java.util.List;
import org.axonframework.common.jpa.EntityManagerProvider;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;
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

    /**
     * How many segments each projection's events are split into. Axon keeps one aggregate's events in order within
     * one segment (its default sequencing policy: the aggregate identifier), but events of two aggregates in two
     * segments are applied in any relative order and at the same time, in separate transactions, possibly on two
     * replicas. A projection may have more than one segment only if its handlers do not depend on that order:
     *
     * <ul>
     * <li>{@code machine-list}: several ({@code harbormaster.processors.machine-list.segments}, default 4). Every
     *     machine row changes only through its own machine's events, guarded by the row's version. The only
     *     cross-aggregate reads are the team's and the holder's names, and they already come out right in either
     *     order (the name fills into rows made before it, and rows made after it copy it); a per-name lock in
     *     {@code MachineRows} keeps two segments' transactions from missing each other's uncommitted rows. The
     *     change feed announces each machine by itself and promises no order between machines.
     * <li>{@code users}: one by default ({@code harbormaster.processors.users.segments}). It could have more: each
     *     {@code rm_user} row is written only by its own user's events, and usernames are not unique there (the write
     *     side's lookup enforces that), but registrations are rare and one segment keeps up with any of them.
     * <li>{@code teams}: one. Member rows take their usernames from the users' events ({@code rm_team_user}), which
     *     would arrive in other segments than the team's, in any order.
     * <li>{@code audit-trail}: one, always. The trail is the platform's history in the event store's global order;
     *     in several segments entries of different aggregates would be written out of that order.
     * </ul>
     *
     * The last two are not settings on purpose: more segments would break them.
     */
    @Bean
    ProcessorSegments machineListSegments(
            @Value("${harbormaster.processors.machine-list.segments:4}") int segments) {
        return new ProcessorSegments(MachineListProjection.PROCESSING_GROUP, segments);
    }

    @Bean
    ProcessorSegments usersSegments(@Value("${harbormaster.processors.users.segments:1}") int segments) {
        return new ProcessorSegments(UsersProjection.PROCESSING_GROUP, segments);
    }

    @Bean
    ProcessorSegments teamsSegments() {
        return new ProcessorSegments(TeamsProjection.PROCESSING_GROUP, 1);
    }

    @Bean
    ProcessorSegments auditTrailSegments() {
        return new ProcessorSegments(AuditTrailProjection.PROCESSING_GROUP, 1);
    }

    @Bean
    ConfigurerModule projectionBatching(@Value("${harbormaster.projections.batch-size:100}") int batchSize,
                                        List<ProcessorSegments> segments) {
        return configurer -> ProjectionRebuilder.PROCESSING_GROUPS.forEach(group -> {
            var groupSegments = segments.stream().filter(s -> s.processor().equals(group)).findFirst()
                    .orElseThrow(() -> new IllegalStateException("no segment count for projection " + group));
            configurer.eventProcessing().registerTrackingEventProcessorConfiguration(group,
                    c -> groupSegments.tracking().andBatchSize(batchSize));
        });
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
