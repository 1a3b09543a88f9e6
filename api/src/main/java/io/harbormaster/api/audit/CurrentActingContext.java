package io.harbormaster.api.audit;

import io.harbormaster.api.audit.ActingContext;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Holds the acting context of the work the current thread does for one request or one process step. Web requests
 * set it in a filter (the security module's); processes and the bootstrap wrap their work in {@link #callAs}; the
 * command side's dispatch interceptor stamps it onto every command. Commands dispatched without one are attributed
 * to the system.
 *
 * <p>Why it lives in the shared language although it is not a record: it is the one hand-over between the module that
 * authenticates (security) and the one that dispatches (command side), and neither may depend on the other. It is
 * plain Java, like {@link ActingContext} itself, so the api stays free of frameworks.
 */
public final class CurrentActingContext {

    private static final ThreadLocal<ActingContext> CURRENT = new ThreadLocal<>();

    private CurrentActingContext() {
    }

    public static Optional<ActingContext> get() {
        return Optional.ofNullable(CURRENT.get());
    }

    /** The current context; the system when nothing set one. */
    public static ActingContext orSystem() {
        return get().orElseGet(ActingContext::system);
    }

    /** Runs {@code work} with {@code context} as the acting context, restoring the previous one afterwards. */
    public static <T> T callAs(ActingContext context, Supplier<T> work) {
        var previous = CURRENT.get();
        CURRENT.set(context);
        try {
            return work.get();
        } finally {
            restore(previous);
        }
    }

    public static void runAs(ActingContext context, Runnable work) {
        callAs(context, () -> {
            work.run();
            return null;
        });
    }

    /** Sets the context for the rest of a request; the caller must {@link #clear()} in a finally block. */
    public static void set(ActingContext context) {
        CURRENT.set(context);
    }

    public static void clear() {
        CURRENT.remove();
    }

    private static void restore(ActingContext previous) {
        if (previous == null) {
            CURRENT.remove();
        } else {
            CURRENT.set(previous);
        }
    }
}
