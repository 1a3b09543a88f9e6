package io.harbormaster.web.outage;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

/**
 * Tells a failure caused by the database being out of reach from any other, by the signals JDBC gives: a connection
 * pool that could not hand out a connection, a refused connection, or a connection SQLSTATE. It reads the same
 * signals as the platform's own classification for the API; the portal keeps its own copy because it may use only the
 * shared api and workstation modules of Harbormaster's code (it is a client like the CLI).
 */
public final class DatabaseOutage {

    /** What the person sees; says what happened and what to do, names nothing internal. */
    public static final String MESSAGE = "The database is unavailable right now; Harbormaster retries by itself "
            + "— try again in a moment.";

    private DatabaseOutage() {
    }

    /** True when {@code failure} or one of its causes says the database could not be reached. */
    public static boolean isCause(Throwable failure) {
        for (var cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof SQLTransientConnectionException || cause instanceof ConnectException) {
                return true;
            }
            if (cause instanceof SQLException sql && isConnectionState(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    /** SQLSTATE class 08 (connection exception), 57P01..57P03 (shut down, crashed, cannot connect now). */
    private static boolean isConnectionState(String state) {
        return state != null && (state.startsWith("08") || state.equals("57P01") || state.equals("57P02")
                || state.equals("57P03"));
    }
}
