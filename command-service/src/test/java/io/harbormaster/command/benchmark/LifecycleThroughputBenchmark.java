package io.harbormaster.command.benchmark;

import io.harbormaster.api.audit.ActingContext;
import io.harbormaster.api.audit.CurrentActingContext;
import io.harbormaster.api.machine.CreateMachineCommand;
import io.harbormaster.api.machine.DriverOptions;
import io.harbormaster.api.machine.MachineId;
import io.harbormaster.api.machine.MachineName;
import io.harbormaster.api.machine.MachineProvisioned;
import io.harbormaster.api.machine.MachineStarted;
import io.harbormaster.api.machine.MachineStopped;
import io.harbormaster.api.machine.StartMachineCommand;
import io.harbormaster.api.machine.StopMachineCommand;
import io.harbormaster.api.team.CreateTeamCommand;
import io.harbormaster.api.team.TeamId;
import io.harbormaster.api.team.TeamName;
import io.harbormaster.api.user.RegisterUserCommand;
import io.harbormaster.api.user.UserId;
import io.harbormaster.api.user.Username;
import io.harbormaster.testing.TestPostgres;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * How many create → stop → start sequences per second the write side completes against a real PostgreSQL, each
 * step waiting for its lifecycle process to finish (the none driver answers at once, so this measures the platform,
 * not a host), and how far the read side's projections lag behind meanwhile.
 *
 * <p>Run: {@code ./mvnw -pl command-service test-compile exec:java}-style, or simply
 * {@code java -cp <test classpath> io.harbormaster.command.benchmark.LifecycleThroughputBenchmark}; the script
 * {@code command-service/benchmark.sh} does it. Settings: {@code -Dsequences=300 -Dthreads=4 -Dwarmup=30}.
 * Not a test: it prints figures and asserts nothing.
 */
public final class LifecycleThroughputBenchmark {

    private static final List<String> PROJECTIONS = List.of("machine-list", "audit-trail", "teams", "users");
    /** Create, stop, start. */
    private static final int CLIENT_COMMANDS = 3;
    /** What the processes send back: CompleteCreation, CompleteLifecycleOperation (stop), and again (start). */
    private static final int REPORT_COMMANDS = 3;
    /**
     * MachineCreated, MachineProvisioned, CertsRegenerated (the none driver's machine gets its CA at creation),
     * MachineStopRequested, MachineStopped, MachineStartRequested, MachineStarted.
     */
    private static final int EVENTS = 7;

    private final Map<String, CompletableFuture<Void>> waiting = new ConcurrentHashMap<>();
    private CommandGateway commands;

    public static void main(String[] args) throws Exception {
        int sequences = Integer.getInteger("sequences", 300);
        int threads = Integer.getInteger("threads", 4);
        int warmup = Integer.getInteger("warmup", 30);
        var database = TestPostgres.freshDatabase();
        System.out.printf("Benchmark on %s (%s): %d sequences (after %d warm-up), %d threads%n",
                database.serverKind(), database.url(), sequences, warmup, threads);
        try (var context = start(database)) {
            new LifecycleThroughputBenchmark().run(context, sequences, threads, warmup);
        }
        System.exit(0);
    }

    private void run(ConfigurableApplicationContext context, int sequences, int threads, int warmup) throws Exception {
        commands = context.getBean(CommandGateway.class);
        var eventStore = context.getBean(EventStore.class);
        var processing = context.getBean(EventProcessingConfiguration.class);
        // Completion events arrive here as they are published, in the appending thread's commit.
        eventStore.subscribe(events -> events.forEach(event -> {
            if (event.getPayload() instanceof MachineProvisioned e) {
                complete(e.machineId(), "provisioned");
            } else if (event.getPayload() instanceof MachineStopped e) {
                complete(e.machineId(), "stopped");
            } else if (event.getPayload() instanceof MachineStarted e) {
                complete(e.machineId(), "started");
            } else if (event.getPayload() instanceof io.harbormaster.api.machine.LifecycleOperationFailed e) {
                fail(e.machineId(), e.operation() == io.harbormaster.api.machine.LifecycleOperation.STOP ? "stopped" : "started", e.reason());
            } else if (event.getPayload() instanceof io.harbormaster.api.machine.ProvisioningFailed e) {
                fail(e.machineId(), "provisioned", e.reason());
            }
        }));

        var user = UserId.random();
        var team = TeamId.random();
        CurrentActingContext.runAs(ActingContext.system(), () -> {
            commands.sendAndWait(new RegisterUserCommand(user, Username.of("bench"), "Benchmark", false));
            commands.sendAndWait(new CreateTeamCommand(team, TeamName.of("bench"), user));
        });

        runSequences(user, team, warmup, threads, "warm");
        var lagSamples = Collections.synchronizedList(new ArrayList<Long>());
        var sampling = new AtomicBoolean(true);
        var sampler = Thread.ofPlatform().daemon().start(() -> {
            while (sampling.get()) {
                lagSamples.add(eventsBehind(eventStore, processing));
                sleep(50);
            }
        });
        long started = System.nanoTime();
        runSequences(user, team, sequences, threads, "run");
        long finished = System.nanoTime();
        sampling.set(false);
        sampler.join();
        long drainStart = System.nanoTime();
        while (eventsBehind(eventStore, processing) > 0) {
            sleep(5);
        }
        long drained = System.nanoTime();

        double seconds = (finished - started) / 1e9;
        var sorted = lagSamples.stream().sorted().toList();
        System.out.printf("sequences/s: %.1f  (commands/s: %.1f sent by clients, %.1f with the processes' reports; "
                        + "events/s: %.1f) over %.2f s; load average %s%n",
                sequences / seconds, sequences * CLIENT_COMMANDS / seconds,
                sequences * (CLIENT_COMMANDS + REPORT_COMMANDS) / seconds, sequences * EVENTS / seconds, seconds,
                java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg")).trim());
        System.out.printf("projection lag while running, events behind the head (slowest of %s): median %d, p95 %d, max %d (%d samples)%n",
                PROJECTIONS, percentile(sorted, 0.5), percentile(sorted, 0.95), percentile(sorted, 1.0), sorted.size());
        System.out.printf("projections caught up %.0f ms after the last command%n", (drained - drainStart) / 1e6);
    }

    private void runSequences(UserId user, TeamId team, int count, int threads, String prefix) throws Exception {
        try (var pool = Executors.newFixedThreadPool(threads)) {
            var futures = new ArrayList<java.util.concurrent.Future<?>>();
            for (int i = 0; i < count; i++) {
                var name = prefix + "-" + i;
                futures.add(pool.submit(() -> {
                    sequence(user, team, name);
                    return null;
                }));
            }
            for (var future : futures) {
                future.get(60, TimeUnit.SECONDS);
            }
        }
    }

    /** create, wait until running; stop, wait until stopped; start, wait until running again. */
    private void sequence(UserId user, TeamId team, String name) throws Exception {
        var id = MachineId.random();
        CurrentActingContext.runAs(new ActingContext(user.value(), "bench", io.harbormaster.api.common.Channel.API,
                "127.0.0.1", null), () -> {
            try {
                send(id, "provisioned", new CreateMachineCommand(id, team, MachineName.of(name), "none",
                        new DriverOptions(Map.of("url", "tcp://10.213.0.1:2376")), user));
                send(id, "stopped", new StopMachineCommand(id, null));
                send(id, "started", new StartMachineCommand(id, null));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
    }

    private void send(MachineId id, String awaited, Object command) throws Exception {
        var done = new CompletableFuture<Void>();
        waiting.put(id.value() + "/" + awaited, done);
        commands.sendAndWait(command, 30, TimeUnit.SECONDS);
        try {
            done.get(30, TimeUnit.SECONDS);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException("No '" + awaited + "' for machine " + id + " within 30 s", e);
        }
    }

    private void complete(MachineId id, String what) {
        var future = waiting.remove(id.value() + "/" + what);
        if (future != null) {
            future.complete(null);
        }
    }

    private void fail(MachineId id, String what, String reason) {
        var future = waiting.remove(id.value() + "/" + what);
        if (future != null) {
            future.completeExceptionally(new IllegalStateException(what + " failed for " + id + ": " + reason));
        }
    }

    private static long eventsBehind(EventStore eventStore, EventProcessingConfiguration processing) {
        long head = eventStore.createHeadToken().position().orElse(0);
        long behind = 0;
        for (var group : PROJECTIONS) {
            var processor = processing.eventProcessorByProcessingGroup(group, StreamingEventProcessor.class).orElseThrow();
            long position = processor.processingStatus().values().stream()
                    .map(EventTrackerStatus::getCurrentPosition)
                    .mapToLong(p -> p.orElse(-1)).min().orElse(-1);
            behind = Math.max(behind, head - position);
        }
        return behind;
    }

    private static ConfigurableApplicationContext start(TestPostgres.Database database) {
        return new SpringApplicationBuilder(BenchmarkApplication.class)
                .web(WebApplicationType.NONE)
                .properties(Map.ofEntries(
                        Map.entry("spring.datasource.url", database.url()),
                        Map.entry("spring.datasource.username", database.user()),
                        Map.entry("spring.datasource.password", database.password()),
                        Map.entry("spring.jpa.hibernate.ddl-auto", "validate"),
                        Map.entry("spring.jpa.open-in-view", "false"),
                        Map.entry("spring.jpa.properties.hibernate.dialect", "io.harbormaster.db.ByteaPostgresDialect"),
                        Map.entry("axon.update-check.disabled", "true"),
                        Map.entry("axon.axonserver.enabled", "false"),
                        Map.entry("spring.main.banner-mode", "off"),
                        // the sealed secret store's key file: a throw-away one, not the user's ~/.harbormaster
                        Map.entry("harbormaster.home", System.getProperty("java.io.tmpdir") + "/hm-benchmark-home"),
                        Map.entry("logging.level.root", "WARN")))
                .run();
    }

    private static long percentile(List<Long> sorted, double p) {
        if (sorted.isEmpty()) {
            return 0;
        }
        return sorted.get((int) Math.min(sorted.size() - 1, Math.round(p * (sorted.size() - 1))));
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(Duration.ofMillis(millis));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
