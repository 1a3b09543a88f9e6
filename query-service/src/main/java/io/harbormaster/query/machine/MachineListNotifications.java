package io.harbormaster.query.machine;

import io.harbormaster.api.machine.MachineId;
import io.harbormaster.api.machine.MachineListChanged;
import io.harbormaster.api.machine.WatchMachineListQuery;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import javax.sql.DataSource;
import org.axonframework.queryhandling.QueryUpdateEmitter;
import org.postgresql.PGConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Carries "this machine changed" from the replica whose processor updated the machine list to the portal sessions of
 * every replica: the feed sends a PostgreSQL {@code NOTIFY} on {@value #CHANNEL} in the transaction that changed the
 * list (delivered only once it commits, so a session that re-reads on the update reads the change), and each replica
 * keeps one connection that {@code LISTEN}s and hands each notification to its subscribers of
 * {@link WatchMachineListQuery}. The listening connection is one of the pool's, held for the process's life.
 *
 * <p>When the database goes away the listener reconnects (every second, then up to every 10 s); changes made while
 * it was gone are not announced, so an open list is current again at its next change or reload.
 */
@Component
class MachineListNotifications implements SmartLifecycle {

    static final String CHANNEL = "hm_machine_list";
    private static final Logger log = LoggerFactory.getLogger(MachineListNotifications.class);
    private static final int WAIT_MILLIS = 500;

    private final DataSource dataSource;
    private final QueryUpdateEmitter updates;
    private volatile Thread listener;
    private volatile boolean running;

    MachineListNotifications(DataSource dataSource, QueryUpdateEmitter updates) {
        this.dataSource = dataSource;
        this.updates = updates;
    }

    /** Announces, in the caller's transaction, that {@code machine} changed in the list. */
    static void announce(JdbcClient jdbc, MachineId machine) {
        jdbc.sql("SELECT pg_notify(?, ?)").params(CHANNEL, machine.value()).query((rs, row) -> 0).list();
    }

    @Override
    public void start() {
        running = true;
        listener = Thread.ofPlatform().name("machine-list-notifications").daemon().start(this::listen);
    }

    @Override
    public void stop() {
        running = false;
        var thread = listener;
        if (thread != null) {
            thread.interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private void listen() {
        var backoff = Duration.ofSeconds(1);
        var warned = false;
        while (running) {
            try (Connection connection = dataSource.getConnection()) {
                connection.setAutoCommit(true);
                try (var statement = connection.createStatement()) {
                    statement.execute("LISTEN " + CHANNEL);
                }
                if (warned) {
                    log.info("Live updates of the machine list are back");
                    warned = false;
                }
                backoff = Duration.ofSeconds(1);
                var postgres = connection.unwrap(PGConnection.class);
                while (running) {
                    var notifications = postgres.getNotifications(WAIT_MILLIS);
                    if (notifications == null) {
                        continue;
                    }
                    for (var notification : notifications) {
                        emit(notification.getParameter());
                    }
                }
            } catch (SQLException | RuntimeException e) {
                if (!running) {
                    return;
                }
                if (!warned) {
                    log.warn("Live updates of the machine list paused, the database does not answer: {}",
                            e.getMessage());
                    warned = true;
                }
                try {
                    Thread.sleep(backoff.toMillis());
                } catch (InterruptedException interrupted) {
                    return;
                }
                backoff = backoff.multipliedBy(2).compareTo(Duration.ofSeconds(10)) > 0 ? Duration.ofSeconds(10)
                        : backoff.multipliedBy(2);
            }
        }
    }

    private void emit(String machineId) {
        try {
            updates.emit(WatchMachineListQuery.class, query -> true, new MachineListChanged(MachineId.of(machineId)));
        } catch (RuntimeException e) {
            log.debug("Could not pass on a change of machine {}: {}", machineId, e.getMessage());
        }
    }
}
