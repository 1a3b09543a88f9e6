package io.harbormaster.command.config;

import static io.harbormaster.api.audit.AuditMetadata.ACTOR_ID;
import static io.harbormaster.api.audit.AuditMetadata.ACTOR_NAME;
import static io.harbormaster.api.audit.AuditMetadata.CHANNEL;
import static io.harbormaster.api.audit.AuditMetadata.CLIENT_ADDRESS;
import static io.harbormaster.api.audit.AuditMetadata.CORRELATION_ID;

import io.harbormaster.command.audit.ActingContextDispatchInterceptor;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.correlation.SimpleCorrelationDataProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.PropertySource;

/**
 * Write-side Axon wiring: every command is stamped with the acting context, every event inherits it, and failures
 * in event handlers are never swallowed. Defaults of Axon's settings are in {@code axon-defaults.properties} beside
 * this class (lowest precedence: the application's own configuration overrides them).
 */
@Configuration(proxyBeanMethods = false)
@PropertySource("classpath:io/harbormaster/command/config/axon-defaults.properties")
public class CommandSideConfiguration {

    /** Processing group of the write-side lookup tables, updated in the same transaction as the event append. */
    public static final String COMMAND_LOOKUPS = "command-lookups";

    @Bean
    ActingContextDispatchInterceptor actingContextDispatchInterceptor() {
        return new ActingContextDispatchInterceptor();
    }

    /**
     * Copies the acting context from a command onto the events it causes, the request's correlation id included.
     * This replaces Axon's MessageOriginProvider, which would overwrite {@code correlationId} with the id of the
     * parent message: we want the id the request started with, so one id follows a request through every event and
     * every process step it causes.
     */
    @Bean
    CorrelationDataProvider actingContextCorrelation() {
        return new SimpleCorrelationDataProvider(ACTOR_ID, ACTOR_NAME, CHANNEL, CLIENT_ADDRESS, CORRELATION_ID);
    }

    /**
     * Lookups run on a subscribing processor, inside the command's transaction, and rethrow: a failed lookup update
     * rolls back the events. Everywhere else a failing handler is retried by its tracking processor instead of
     * being logged and skipped, which would leave a read model silently wrong.
     */
    @Bean
    ConfigurerModule eventHandlingErrorPolicy() {
        return configurer -> configurer.eventProcessing()
                .registerSubscribingEventProcessor(COMMAND_LOOKUPS)
                .registerDefaultListenerInvocationErrorHandler(c -> PropagatingErrorHandler.instance());
    }
}
