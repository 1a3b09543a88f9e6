package io.harbormaster.standalone;

import io.harbormaster.query.admin.ProjectionRebuilder;
import io.harbormaster.query.admin.ProjectionStatus;
import io.harbormaster.standalone.rebuild.FleetHistoryGenerator;
import io.harbormaster.testing.TestPostgres;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.Locale;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Time of a rebuild of every read model over a large event store. Run by hand through
 * {@code infra/standalone/rebuild-benchmark.sh}, never by the build; it prints figures and asserts nothing.
 *
 * <p>The event store lives in its own database ({@code database=}, kept between runs, so the events are generated
 * once): when it holds fewer than {@code events} events, {@link FleetHistoryGenerator} appends the rest through the
 * storage engine while every processor is paused, and every processor is then moved to the head, so that neither the
 * machine processes nor the live projections act on the synthetic history. {@code mode=shadow} times
 * {@code POST /api/admin/projections/rebuild} (into shadow tables, then the switch-over), printing its progress;
 * {@code mode=reset} times the former rebuild (reset the live processors' tokens and let them replay).
 *
 * <p>Arguments (all optional): {@code events=1000000 database=hm_perf_rebuild mode=shadow generate-only=false}.
 */
public final class RebuildBenchmark {

    private RebuildBenchmark() {
    }

    public static void main(String[] args) {
        BenchmarkMain.run(args, RebuildBenchmark::run);
    }

    private static void run(String[] args) throws Exception {
        long events = HmCliBenchmark.intArg(args, "events", 1_000_000);
        var name = stringArg(args, "database", "hm_perf_rebuild");
        var mode = stringArg(args, "mode", "shadow");
        // the generator's appends go to PostgreSQL in JDBC batches rather than a round trip per event
        try (var platform = RunningPlatform.startOn(database(name),
                "--spring.jpa.properties.hibernate.jdbc.batch_size=1000")) {
            var stored = platform.jdbc().sql("SELECT count(*) FROM domain_event_entry").query(Long.class).single();
            if (stored < events) {
                generate(platform, events - stored);
            }
            stored = platform.jdbc().sql("SELECT count(*) FROM domain_event_entry").query(Long.class).single();
            System.out.printf(Locale.ROOT, "%d events in the store%n", stored);
            if (Boolean.parseBoolean(stringArg(args, "generate-only", "false"))) {
                return;
            }
            var rebuilder = platform.bean(ProjectionRebuilder.class);
            var started = System.nanoTime();
            if (mode.equals("reset")) {
                reset(platform);
                while (!rebuilder.status().stream().allMatch(s -> s.caughtUp() && s.position() != null
                        && s.position() >= s.headPosition())) {
                    Thread.sleep(1000);
                    var positions = rebuilder.status().stream().map(ProjectionStatus::position).toList();
                    System.out.printf(Locale.ROOT, "%6.1f s  positions %s%n", seconds(started), positions);
                }
            } else {
                rebuilder.rebuildAll();
                while (!rebuilder.awaitCaughtUp(Duration.ofSeconds(5))) {
                    var p = rebuilder.rebuildProgress();
                    System.out.printf(Locale.ROOT, "%6.1f s  %s %d / %d events, %.0f events/s, eta %s s%n",
                            seconds(started), p.phase(), p.eventsProcessed(), p.eventsTotal(), p.eventsPerSecond(),
                            p.etaSeconds());
                }
                System.out.println(rebuilder.rebuildProgress());
            }
            var took = seconds(started);
            System.out.printf(Locale.ROOT, "rebuild (%s) of %d events: %.1f s, %.0f events/s%n", mode, stored, took,
                    stored / took);
        }
    }

    private static void generate(RunningPlatform platform, long events) throws Exception {
        var processing = platform.bean(EventProcessingConfiguration.class);
        var processors = processing.eventProcessors().values().stream()
                .filter(StreamingEventProcessor.class::isInstance).map(StreamingEventProcessor.class::cast).toList();
        processors.forEach(StreamingEventProcessor::shutDown);
        var started = System.nanoTime();
        var written = new FleetHistoryGenerator(platform.bean(EventStorageEngine.class),
                new TransactionTemplate(platform.bean(PlatformTransactionManager.class))).generate(events);
        System.out.printf(Locale.ROOT, "generated %d events in %.1f s%n", written, seconds(started));
        var head = platform.bean(EventStore.class).createHeadToken();
        var tokens = platform.bean(TokenStore.class);
        platform.bean(TransactionManager.class).executeInTransaction(() -> processors.forEach(p -> {
            for (int segment : tokens.fetchSegments(p.getName())) {
                tokens.storeToken(head, p.getName(), segment);
                tokens.releaseClaim(p.getName(), segment);
            }
        }));
        processors.forEach(StreamingEventProcessor::start);
    }

    /** The rebuild as it was before the shadow tables: every projection's processor reset to replay in place. */
    private static void reset(RunningPlatform platform) {
        var processing = platform.bean(EventProcessingConfiguration.class);
        for (var group : ProjectionRebuilder.PROCESSING_GROUPS) {
            var processor = processing.eventProcessorByProcessingGroup(group, StreamingEventProcessor.class)
                    .orElseThrow();
            processor.shutDown();
            processor.resetTokens();
            processor.start();
        }
    }

    private static TestPostgres.Database database(String name) throws Exception {
        var probe = TestPostgres.freshDatabase();
        var server = probe.url().substring(0, probe.url().lastIndexOf('/') + 1);
        try (var admin = DriverManager.getConnection(server + "postgres", probe.user(), probe.password());
             var statement = admin.createStatement()) {
            statement.execute("DROP DATABASE " + probe.url().substring(probe.url().lastIndexOf('/') + 1));
            var exists = statement.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + name + "'").next();
            if (!exists) {
                statement.execute("CREATE DATABASE " + name);
            }
        }
        return new TestPostgres.Database(server + name, probe.user(), probe.password(), probe.serverKind());
    }

    private static String stringArg(String[] args, String key, String fallback) {
        for (var arg : args) {
            if (arg.startsWith(key + "=")) {
                return arg.substring(key.length() + 1);
            }
        }
        return fallback;
    }

    private static double seconds(long started) {
        return (System.nanoTime() - started) / 1e9;
    }
}
