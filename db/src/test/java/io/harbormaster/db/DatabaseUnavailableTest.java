package io.harbormaster.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.junit.jupiter.api.Test;

class DatabaseUnavailableTest {

    @Test
    void connectionFailuresAnywhereInTheCauseChainCount() {
        assertThat(DatabaseUnavailable.isCause(new IllegalStateException(new SQLTransientConnectionException("pool")))).isTrue();
        assertThat(DatabaseUnavailable.isCause(new RuntimeException(new SQLException("refused", "08001")))).isTrue();
        assertThat(DatabaseUnavailable.isCause(new RuntimeException(new SQLException("shutting down", "57P01")))).isTrue();
        assertThat(DatabaseUnavailable.isCause(new RuntimeException(new ConnectException("refused")))).isTrue();
    }

    @Test
    void otherFailuresDoNot() {
        assertThat(DatabaseUnavailable.isCause(new RuntimeException(new SQLException("duplicate key", "23505")))).isFalse();
        assertThat(DatabaseUnavailable.isCause(new IllegalArgumentException("bad"))).isFalse();
    }
}
