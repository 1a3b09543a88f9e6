package io.harbormaster.command.reconcile;

import io.harbormaster.command.cert.MachineTls;
import io.harbormaster.command.driver.DriverRegistry;
import io.harbormaster.command.lookup.JdbcLookups;
import io.harbormaster.command.network.AddressCheck;
import java.time.Clock;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;

/**
 * Runs the reconciler every {@code harbormaster.reconciler.interval} (default 30 s; {@code 0} turns it off) once the
 * application is ready, on one scheduler thread; each pass fans out on virtual threads,
 * {@code harbormaster.reconciler.parallelism} (default 16) machines at a time.
 */
@Configuration(proxyBeanMethods = false)
class ReconcilerConfiguration {

    private static final Logger log = LoggerFactory.getLogger(ReconcilerConfiguration.class);

    @Bean
    MachineReconciler machineReconciler(JdbcLookups machines, DriverRegistry drivers, CommandGateway commands,
                                        EventStore events, MachineTls tls,
                                        @Value("${harbormaster.reconciler.parallelism:16}") int parallelism,
                                        @Value("${harbormaster.reconciler.interval:30s}") Duration interval,
                                        AddressCheck addresses) {
        return new MachineReconciler(machines, drivers, commands, new CertificatesInUse(events),
                new EngineCheck(tls, Clock.systemUTC()), Clock.systemUTC(), parallelism,
                interval.isZero() ? Duration.ofMinutes(1) : interval.multipliedBy(4).plusSeconds(30), addresses);
    }

    @Bean(destroyMethod = "shutdownNow")
    ScheduledExecutorService reconcilerSchedule() {
        return Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("reconciler").daemon().factory());
    }

    @EventListener(ApplicationReadyEvent.class)
    void start(ApplicationReadyEvent ready) {
        var context = ready.getApplicationContext();
        var interval = context.getEnvironment().getProperty("harbormaster.reconciler.interval", Duration.class,
                Duration.ofSeconds(30));
        if (interval.isZero() || interval.isNegative()) {
            log.info("The reconciler is off (harbormaster.reconciler.interval=0)");
            return;
        }
        var reconciler = context.getBean(MachineReconciler.class);
        var passes = Timer.builder("harbormaster.reconciler.pass")
                .description("One reconciler pass over every machine with a host")
                .register(context.getBeanProvider(MeterRegistry.class).getIfAvailable(CompositeMeterRegistry::new));
        context.getBean("reconcilerSchedule", ScheduledExecutorService.class).scheduleWithFixedDelay(() -> {
            try {
                passes.record(reconciler::reconcileAll);
            } catch (RuntimeException e) {
                log.warn("A reconciler pass failed: {}", e.getMessage());
            }
        }, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
        log.info("The reconciler checks every machine every {}", interval);
    }
}
