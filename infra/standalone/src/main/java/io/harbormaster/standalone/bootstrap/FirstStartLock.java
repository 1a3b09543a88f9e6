package io.harbormaster.standalone.bootstrap;

import java.sql.SQLException;
import javax.sql.DataSource;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.stereotype.Component;

/**
 * Replicas started together on an empty database would each find no admin and each make one (and print a password
 * that another then overwrites). A PostgreSQL advisory lock, held on one connection for the bootstrap, lets one
 * replica do it while the others wait and then find the admin made. The lock dies with the session, so a replica
 * killed half-way leaves nothing to clean up.
 */
@Component
class FirstStartLock {

    /** An arbitrary key of the platform's own, the same on every replica ("hm-first-start" in ASCII). */
    private static final long KEY = 0x686d2d6669727374L;

    private final DataSource dataSource;

    FirstStartLock(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    void runExclusively(Runnable work) {
        try (var connection = dataSource.getConnection()) {
            try (var lock = connection.prepareStatement("SELECT pg_advisory_lock(?)")) {
                lock.setLong(1, KEY);
                lock.execute();
            }
            try {
                work.run();
            } finally {
                try (var unlock = connection.prepareStatement("SELECT pg_advisory_unlock(?)")) {
                    unlock.setLong(1, KEY);
                    unlock.execute();
                }
            }
        } catch (SQLException e) {
            throw new DataAccessResourceFailureException("Could not take the first-start lock in PostgreSQL: "
                    + e.getMessage(), e);
        }
    }
}
