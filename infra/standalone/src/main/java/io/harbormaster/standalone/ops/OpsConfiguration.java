package io.harbormaster.standalone.ops;

import io.harbormaster.command.secret.SecretStore;
import io.harbormaster.db.DeadLetterCounts;
import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;

/**
 * The platform's own health contributors ({@code secretStore}, {@code eventProcessors}, {@code deadLetters}; the
 * database is Spring Boot's {@code db}) and the event-processor gauges. Which contributor belongs to which probe, and
 * who sees details, is set in application.yml; docs/operations.md explains each.
 */
@Configuration(proxyBeanMethods = false)
class OpsConfiguration {

    @Bean
    EventProcessorLags eventProcessorLags(EventProcessingConfiguration processing, EventStore events,
                                          javax.sql.DataSource dataSource,
                                          org.axonframework.serialization.Serializer serializer,
                                          @org.springframework.beans.factory.annotation.Value(
                                                  "${axon.eventhandling.tokenstore.claim-timeout:10s}")
                                          java.time.Duration claimTimeout) {
        return new EventProcessorLags(processing, events,
                new SegmentsHeldElsewhere(dataSource, serializer, claimTimeout, java.time.Clock.systemUTC()));
    }

    @Bean
    DeadLetters parkedEventCounts(ObjectProvider<DeadLetterCounts> counts, EventProcessingConfiguration processing) {
        return new DeadLetters(counts, processing);
    }

    @Bean
    SecretStoreHealth secretStoreHealthIndicator(SecretStore store) {
        return new SecretStoreHealth(store);
    }

    @Bean
    EventProcessorsHealth eventProcessorsHealthIndicator(EventProcessorLags lags,
            @Value("${harbormaster.health.max-processor-lag:1000}") long maxLag) {
        return new EventProcessorsHealth(lags, maxLag);
    }

    @Bean
    DeadLettersHealth deadLettersHealthIndicator(DeadLetters deadLetters) {
        return new DeadLettersHealth(deadLetters);
    }

    @EventListener(ApplicationStartedEvent.class)
    void registerProcessorGauges(ApplicationStartedEvent started) {
        var context = started.getApplicationContext();
        var registry = context.getBeanProvider(MeterRegistry.class).getIfAvailable();
        if (registry != null) {
            new OpsMeters(context.getBean(EventProcessingConfiguration.class), context.getBean(EventProcessorLags.class),
                    context.getBean(DeadLetters.class)).registerWith(registry);
        }
    }
}
