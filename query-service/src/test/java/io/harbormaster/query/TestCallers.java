package io.harbormaster.query;

import io.harbormaster.api.user.Caller;
import io.harbormaster.api.user.UserId;

/** Callers for query-side tests; a platform admin sees everything, as before access checks. */
public final class TestCallers {

    /** The request attribute the query controllers read the caller from. */
    public static final String CALLER = Caller.REQUEST_ATTRIBUTE;

    public static final Caller ADMIN = new Caller(UserId.of("0d1e2f30-0000-4000-8000-0000000ad111"), true);

    private TestCallers() {
    }
}
