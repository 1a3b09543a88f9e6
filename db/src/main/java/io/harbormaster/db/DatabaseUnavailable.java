package io.harbormaster.db;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

/**
 * Tells a failure caused by the database being out of reach (down, restarting, refusing connections, pool starved)
 * from any other failure, so callers can answer "try again shortly" instead of a generic error.
 */
public final class DatabaseUnavailable {

    /** Shown to API clients; says what happened and what to do, names nothing internal. */
    public static final String ADVICE = "Harbormaster cannot reach its database right now; nothing was changed by "
            + "this request. Try again in a moment; if it persists, an operator should check PostgreSQL.";

    private DatabaseUnavailable() {
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
