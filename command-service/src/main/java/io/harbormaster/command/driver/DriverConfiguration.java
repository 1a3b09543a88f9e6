package io.harbormaster.command.driver;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The driver beans: the registry of installed drivers and the bounded executor their calls run on. */
@Configuration(proxyBeanMethods = false)
class DriverConfiguration {

    /** Every installed driver, given the platform's SSH access when there is one (the SSH layer provides it). */
    @Bean
    DriverRegistry driverRegistry(ObjectProvider<HostShells> shells) {
        var registry = DriverRegistry.discover();
        shells.ifAvailable(available -> registry.names().forEach(name -> registry.get(name).initialize(available)));
        return registry;
    }

    @Bean(destroyMethod = "close")
    DriverCallExecutor driverCallExecutor(
            @Value("${harbormaster.drivers.max-concurrent-calls:16}") int maxConcurrentCalls,
            @Value("${harbormaster.drivers.shutdown-grace:30s}") java.time.Duration shutdownGrace) {
        return new DriverCallExecutor(maxConcurrentCalls, shutdownGrace);
    }
}
