package io.harbormaster.command.driver;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The driver beans: the registry of installed drivers and the bounded executor their calls run on. */
@Configuration(proxyBeanMethods = false)
class DriverConfiguration {

    @Bean
    DriverRegistry driverRegistry() {
        return DriverRegistry.discover();
    }

    @Bean(destroyMethod = "close")
    DriverCallExecutor driverCallExecutor(
            @Value("${harbormaster.drivers.max-concurrent-calls:16}") int maxConcurrentCalls) {
        return new DriverCallExecutor(maxConcurrentCalls);
    }
}
