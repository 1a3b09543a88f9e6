package io.harbormaster.command.reconcile;

import java.time.Duration;
import java.time.Instant;
import javax.sql.DataSource;
import net.javacrumbs.shedlock.core.DefaultLockingTaskExecutor;
import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.core.LockingTaskExecutor;
import net.javacrumbs.shedlock.provider.jdbctemplate.JdbcTemplateLockProvider;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Lets one replica at a time run a reconciler cycle: a lease named {@value #NAME} in PostgreSQL (ShedLock's
 * {@code shedlock} table, migration V20), taken by the replica whose schedule comes round first and held for the
 * cycle, and at least {@code 0.95 × interval}, so the next cycle, on whichever replica, starts about one interval
 * later. A replica that dies holding it loses it {@code 2 × interval + 30 s} after it took it (the longest a cycle
 * may hold it), and another replica's schedule takes the work over. Times are the database's, so replicas' clocks
 * need not agree.
 */
class ReconcilerLease {

    static final String NAME = "reconciler";

    private final LockingTaskExecutor executor;
    private final Duration atMost;
    private final Duration atLeast;

    ReconcilerLease(LockProvider locks, Duration interval) {
        this.executor = new DefaultLockingTaskExecutor(locks);
        this.atMost = interval.multipliedBy(2).plusSeconds(30);
        this.atLeast = interval.multipliedBy(95).dividedBy(100);
    }

    static LockProvider locksIn(DataSource dataSource) {
        return new JdbcTemplateLockProvider(JdbcTemplateLockProvider.Configuration.builder()
                .withJdbcTemplate(new JdbcTemplate(dataSource))
                .usingDbTime()
                .build());
    }

    /** Runs {@code cycle} when this replica gets the lease; answers whether it did. */
    boolean runIfHeld(Runnable cycle) {
        try {
            LockingTaskExecutor.TaskWithResult<Boolean> task = () -> {
                cycle.run();
                return true;
            };
            return executor.executeWithLock(task, new LockConfiguration(Instant.now(), NAME, atMost, atLeast))
                    .wasExecuted();
        } catch (RuntimeException e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }
}
