package io.harbormaster.web.account;

import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;

/**
 * Asks the query bus and waits a bounded time, so a view never hangs on an answer that does not come; the handler's
 * own exception comes back as itself, so Vaadin's error handling and the logs show the real cause.
 */
public final class QueryAnswers {

    private QueryAnswers() {
    }

    public static <T> T ask(QueryGateway queries, Object query, Class<T> answer, long timeoutSeconds) {
        try {
            return queries.query(query, ResponseTypes.instanceOf(answer)).orTimeout(timeoutSeconds, TimeUnit.SECONDS)
                    .join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
    }
}
