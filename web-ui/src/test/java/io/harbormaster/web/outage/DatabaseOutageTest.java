package io.harbormaster.web.outage;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.junit.jupiter.api.Test;

class DatabaseOutageTest {

    @Test
    void aDatabaseOutOfReachAnywhereInTheCauseChainIsAnOutage() {
        // What Hikari, the PostgreSQL driver and Spring wrap around an unreachable server.
        assertThat(DatabaseOutage.isCause(new IllegalStateException("wrapped",
                new SQLTransientConnectionException("pool timed out")))).isTrue();
        assertThat(DatabaseOutage.isCause(new RuntimeException(new SQLException("refused", "08001")))).isTrue();
        assertThat(DatabaseOutage.isCause(new RuntimeException(new SQLException("shutting down", "57P01")))).isTrue();
        assertThat(DatabaseOutage.isCause(new RuntimeException(new ConnectException("Connection refused")))).isTrue();
    }

    @Test
    void otherFailuresAreNot() {
        assertThat(DatabaseOutage.isCause(new IllegalArgumentException("bad input"))).isFalse();
        assertThat(DatabaseOutage.isCause(new RuntimeException(new SQLException("duplicate key", "23505")))).isFalse();
        assertThat(DatabaseOutage.isCause(new RuntimeException(new SQLException("no state")))).isFalse();
    }
}
