package io.harbormaster.query.web;

import java.time.Duration;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;

/**
 * Asks the query gateway and waits a bounded time. A request thread must never hang on a query bus that has no
 * handler or a slow database, and a handler's refusal (an {@link IllegalArgumentException}) must reach the caller
 * as what it is, not wrapped in Axon's or the future's exceptions.
 */
public final class Queries {

    public static final Duration TIMEOUT = Duration.ofSeconds(10);

    private Queries() {
    }

    /** The single answer of the query's handler, which may be null ("no such thing"). */
    public static <R> R ask(QueryGateway gateway, Object query, Class<R> answerType) {
        try {
            return gateway.query(query, ResponseTypes.instanceOf(answerType))
                    .orTimeout(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)
                    .join();
        } catch (CompletionException | CancellationException e) {
            for (Throwable cause = e; cause != null; cause = cause.getCause()) {
                if (cause instanceof TimeoutException) {
                    throw new QueryTimeoutException(query.getClass().getSimpleName() + " got no answer within "
                            + TIMEOUT.toSeconds() + " s");
                }
                if (cause instanceof IllegalArgumentException refusal) {
                    throw refusal;
                }
            }
            throw e;
        }
    }

    /** A query did not answer in time; answered as 503 so clients may retry. */
    public static class QueryTimeoutException extends RuntimeException {

        QueryTimeoutException(String message) {
            super(message);
        }
    }
}
