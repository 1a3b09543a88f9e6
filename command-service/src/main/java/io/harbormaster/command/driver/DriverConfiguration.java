package io.harbormaster.command.driver;

import io.harbormaster.command.network.AddressCheck;
import io.harbormaster.command.network.GuardedDriver;
import io.harbormaster.command.secret.SecretStore;
import io.harbormaster.command.ssh.HostShells;
import io.harbormaster.command.ssh.MachineSshKeys;
import io.harbormaster.driver.DriverContext;
import io.harbormaster.driver.MachineDriver;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/** The driver beans: the registry of installed drivers and the bounded executor their calls run on. */
@Configuration(proxyBeanMethods = false)
class DriverConfiguration {

    /**
     * Every installed driver, initialized with the platform's context (SSH, keys, credentials, clock, the
     * {@code harbormaster.drivers.*} settings), and never
     * called for a machine whose address the platform may not connect to; with a meter registry (the launcher's
     * Actuator), each call that reaches a driver is timed by driver, operation and outcome.
     */
    @Bean
    DriverRegistry driverRegistry(DriverContext context, AddressCheck addresses,
                                  ObjectProvider<MeterRegistry> meters) {
        var registry = DriverRegistry.discover();
        registry.names().forEach(name -> registry.get(name).initialize(context));
        var meterRegistry = meters.getIfAvailable();
        return new DriverRegistry(registry.names().stream()
                .map(name -> meterRegistry == null ? registry.get(name)
                        : (MachineDriver) new MeteredMachineDriver(registry.get(name), meterRegistry))
                .map(driver -> new GuardedDriver(driver, addresses)).toList());
    }

    /** What every driver is lent; a bean so that tests can see exactly what a driver would read. */
    @Bean
    DriverContext driverContext(ObjectProvider<HostShells> shells, ObjectProvider<MachineSshKeys> keys,
                                ObjectProvider<SecretStore> secrets, Environment environment) {
        return new PlatformDriverContext(shells, keys, secrets, Clock.systemUTC(), environment);
    }

    @Bean(destroyMethod = "close")
    DriverCallExecutor driverCallExecutor(
            @Value("${harbormaster.drivers.max-concurrent-calls:16}") int maxConcurrentCalls,
            @Value("${harbormaster.drivers.shutdown-grace:30s}") Duration shutdownGrace) {
        return new DriverCallExecutor(maxConcurrentCalls, shutdownGrace);
    }
}
