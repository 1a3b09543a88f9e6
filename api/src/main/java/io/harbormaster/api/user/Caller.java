package io.harbormaster.api.user;

/**
 * Who asks a query: every query that returns machine or team data carries it, and its handler answers only what
 * this user may see (platform admins see everything). The web layer stores it on each authenticated request under
 * {@link #REQUEST_ATTRIBUTE}.
 */
public record Caller(UserId userId, boolean platformAdmin) {

    /** The servlet request attribute holding the {@code Caller} of an authenticated request. */
    public static final String REQUEST_ATTRIBUTE = "io.harbormaster.api.user.Caller";

    public Caller {
        if (userId == null) {
            throw new IllegalArgumentException("a caller needs a user id");
        }
    }
}
