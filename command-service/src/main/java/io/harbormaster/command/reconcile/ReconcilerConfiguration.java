package io.harbormaster.command.reconcile;

import io.harbormaster.command.cert.MachineTls;
import io.harbormaster.command.driver.DriverRegistry;
import io.harbormaster.command.lookup.JdbcLookups;
import io.harbormaster.command.network.AddressCheck;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;

/**
 * Runs a reconciler cycle every {@code harbormaster.reconciler.interval} (default 30 s; {@code 0} turns it off) once
 * the application is ready, on one scheduler thread, on one replica at a time ({@link ReconcilerLease}); each cycle spreads its checks over the interval and runs them on
 * virtual threads, at most {@code harbormaster.reconciler.parallelism} (default 16) at once. Every
 * {@code harbormaster.reconciler.full-every} cycles (default 10) it re-reports every machine, whether or not it
 * changed.
 */
@Configuration(proxyBeanMethods = false)
class ReconcilerConfiguration {

    private static final Logger log = LoggerFactory.getLogger(ReconcilerConfiguration.class);

    @Bean
    MachineReconciler machineReconciler(JdbcLookups machines, DriverRegistry drivers, CommandGateway commands,
                                        EventStore events, MachineTls tls, DataSource dataSource,
                                        ObjectProvider<MeterRegistry> registry,
                                        @Value("${harbormaster.reconciler.parallelism:16}") int parallelism,
                                        @Value("${harbormaster.reconciler.interval:30s}") Duration interval,
                                        @Value("${harbormaster.reconciler.full-every:10}") int fullEvery,
                                        AddressCheck addresses) {
        return new MachineReconciler(machines, drivers, commands, new CertificatesInUse(events),
                new EngineCheck(tls, Clock.systemUTC()), Clock.systemUTC(), parallelism,
                interval.isZero() ? Duration.ofMinutes(1) : interval.multipliedBy(4).plusSeconds(30), addresses,
                new RecentMachineEvents(dataSource),
                ReconcilerMeters.on(registry.getIfAvailable(CompositeMeterRegistry::new)), fullEvery);
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
        var lease = new ReconcilerLease(ReconcilerLease.locksIn(context.getBean(DataSource.class)), interval);
        // Every replica's schedule comes round once per interval; the one that gets the lease runs the cycle. At a
        // fixed rate, so on one replica each machine's slot comes round once per interval; a cycle that overruns
        // delays the next one instead of overlapping it.
        context.getBean("reconcilerSchedule", ScheduledExecutorService.class).scheduleAtFixedRate(() -> {
            try {
                if (!lease.runIfHeld(() -> reconciler.reconcileSpread(interval))) {
                    log.debug("Another replica holds the reconciler's lease");
                }
            } catch (RuntimeException e) {
                log.warn("A reconciler cycle failed: {}", e.getMessage());
            }
        }, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
        log.info("The reconciler checks every machine once every {}, spread over the interval, on the replica that "
                + "holds its lease", interval);
    }
}
