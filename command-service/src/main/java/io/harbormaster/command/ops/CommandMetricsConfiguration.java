package io.harbormaster.command.ops;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Registers the command meters on Axon's command bus (Axon's Spring Boot support picks up handler interceptor beans).
 * Without a meter registry (the write side started without the launcher's Actuator) the meters go nowhere.
 */
@Configuration(proxyBeanMethods = false)
class CommandMetricsConfiguration {

    @Bean
    MessageHandlerInterceptor<CommandMessage<?>> commandMetricsInterceptor(ObjectProvider<MeterRegistry> meters) {
        return new CommandMetricsInterceptor(meters.getIfAvailable(CompositeMeterRegistry::new));
    }
}
