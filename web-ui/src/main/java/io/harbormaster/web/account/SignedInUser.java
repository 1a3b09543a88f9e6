package io.harbormaster.web.account;

import com.vaadin.flow.server.VaadinRequest;
import io.harbormaster.api.audit.ActingContext;
import io.harbormaster.api.audit.CurrentActingContext;
import io.harbormaster.api.common.Channel;
import io.harbormaster.api.user.Caller;
import io.harbormaster.api.user.FindUsersQuery;
import io.harbormaster.api.user.UserList;
import io.harbormaster.api.user.UserSummary;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * The signed-in user as the buses know them: their account from the users read model (by username), as a query's
 * {@link Caller}, and as the actor of commands (channel {@code ui}, their browser's address), so the write side
 * applies to the portal exactly the rules it applies to the API.
 */
@Component
public class SignedInUser {

    private static final long TIMEOUT_SECONDS = 10;

    private final QueryGateway queries;

    SignedInUser(QueryGateway queries) {
        this.queries = queries;
    }

    /** The account; refused in words when nobody is signed in or the user list does not have them yet. */
    public UserSummary account() {
        var authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || !authentication.isAuthenticated()
                || authentication instanceof AnonymousAuthenticationToken) {
            throw new IllegalStateException("Sign in first.");
        }
        var username = authentication.getName();
        return ask(new FindUsersQuery(), UserList.class).users().stream()
                .filter(user -> user.username().equals(username))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("Your account is not in the user list yet; reload the "
                        + "page in a moment."));
    }

    public Caller caller() {
        var user = account();
        return new Caller(user.id(), user.platformAdmin());
    }

    /** Runs {@code work} (commands sent through the gateway) with this user as the actor. */
    public <T> T act(Supplier<T> work) {
        var user = account();
        var request = VaadinRequest.getCurrent();
        var context = new ActingContext(user.id().value(), user.username(), Channel.UI,
                request == null ? null : request.getRemoteAddr(), null);
        try {
            return CurrentActingContext.callAs(context, work);
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
    }

    private <T> T ask(Object query, Class<T> answer) {
        return QueryAnswers.ask(queries, query, answer, TIMEOUT_SECONDS);
    }
}
