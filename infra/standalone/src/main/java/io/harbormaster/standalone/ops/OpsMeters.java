package io.harbormaster.standalone.ops;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.function.ToDoubleFunction;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;

/**
 * The gauges of the event processors: lag per tracking processor ({@code harbormaster.event.processor.lag}, in events)
 * and parked events per processing group ({@code harbormaster.dead.letters}). Axon knows its processors only once
 * its configuration has started, later than Micrometer binds meters, so {@link OpsConfiguration} registers these
 * when the application has started; each gauge reads its value on every scrape.
 */
final class OpsMeters {

    private final EventProcessingConfiguration processing;
    private final EventProcessorLags lags;
    private final DeadLetters deadLetters;

    OpsMeters(EventProcessingConfiguration processing, EventProcessorLags lags, DeadLetters deadLetters) {
        this.processing = processing;
        this.lags = lags;
        this.deadLetters = deadLetters;
    }

    void registerWith(MeterRegistry registry) {
        for (var name : processing.eventProcessors().keySet()) {
            gauge(registry, "harbormaster.dead.letters", "Events parked in the dead-letter queue", "group", name,
                    ops -> ops.deadLetters.byProcessingGroup().getOrDefault(name, 0L));
            if (processing.eventProcessor(name, StreamingEventProcessor.class).isPresent()) {
                gauge(registry, "harbormaster.event.processor.lag", "Events the processor has not reached yet",
                        "processor", name, ops -> ops.lagOf(name));
            }
        }
    }

    /** NaN while the processor holds no segment: no number would be true then. */
    private double lagOf(String processor) {
        return lags.read().stream()
                .filter(lag -> lag.processor().equals(processor) && lag.lag().isPresent())
                .mapToDouble(lag -> lag.lag().getAsLong())
                .findFirst().orElse(Double.NaN);
    }

    private void gauge(MeterRegistry registry, String name, String description, String tag, String value,
                       ToDoubleFunction<OpsMeters> read) {
        // strong: nothing else holds this object, and Micrometer would otherwise let it go (the gauge turning NaN)
        Gauge.builder(name, this, read).description(description).tag(tag, value).strongReference(true)
                .register(registry);
    }
}
