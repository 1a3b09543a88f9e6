package io.harbormaster.api.audit;

/**
 * Names of the metadata entries every command and event carries. They are attached centrally when a command is
 * dispatched and copied onto the events it causes, so the audit trail can be built from events alone.
 */
public final class AuditMetadata {

    /** Id of the acting user, or {@code system} when the platform acts on its own. */
    public static final String ACTOR_ID = "actorId";
    /** Login name of the acting user at the time of the action. */
    public static final String ACTOR_NAME = "actorName";
    /** {@link io.harbormaster.api.common.Channel} wire name. */
    public static final String CHANNEL = "channel";
    /** Network address the request came from, or empty for platform-internal actions. */
    public static final String CLIENT_ADDRESS = "clientAddress";
    /** Ties every message caused by one request together, process steps included. */
    public static final String CORRELATION_ID = "correlationId";

    public static final String SYSTEM_ACTOR = "system";

    private AuditMetadata() {
    }
}
