package io.harbormaster.query.config;

import io.harbormaster.query.admin.ProjectionRebuilder;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.TrackingEventProcessorConfiguration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * How the projections consume the event stream. Handling events in batches puts many events in one transaction and
 * one token update: with one event per transaction the read side fell hundreds of events behind a busy write side.
 * Every projection is idempotent, so a batch that is retried after a failure does no harm.
 */
@Configuration(proxyBeanMethods = false)
class ProjectionProcessingConfiguration {

    @Bean
    ConfigurerModule projectionBatching(@Value("${harbormaster.projections.batch-size:100}") int batchSize) {
        return configurer -> ProjectionRebuilder.PROCESSING_GROUPS.forEach(group -> configurer.eventProcessing()
                .registerTrackingEventProcessorConfiguration(group,
                        c -> TrackingEventProcessorConfiguration.forSingleThreadedProcessing().andBatchSize(batchSize)));
    }
}
