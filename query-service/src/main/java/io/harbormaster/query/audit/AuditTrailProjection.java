package io.harbormaster.query.audit;

import io.harbormaster.api.audit.AuditMetadata;
import io.harbormaster.api.machine.MachineCreated;
import io.harbormaster.api.machine.MachineImported;
import io.harbormaster.api.team.TeamCreated;
import io.harbormaster.api.user.UserRegistered;
import java.sql.Types;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.messaging.MetaData;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcOperations;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Writes one {@code rm_audit_entry} per event, keyed by the event's id so a redelivered event is ignored. Everything
 * in a row comes from the event message (payload, metadata, timestamp, sequence number), so a replay writes the
 * same rows again. It takes every event and lets {@link AuditDescriber} decide which ones belong in the trail.
 */
@Component
@ProcessingGroup(AuditTrailProjection.PROCESSING_GROUP)
public class AuditTrailProjection {

    public static final String PROCESSING_GROUP = "audit-trail";

    // stream_seq is left to its identity: rows are numbered in the order this single-segment processor writes them
    private static final String INSERT = """
            INSERT INTO rm_audit_entry (event_id, team_id, machine_id, subject, action, summary, actor_id,
                                        actor_name, channel, client_address, correlation_id, occurred_at,
                                        aggregate_seq, global_index, machine_state)
            VALUES (:eventId, :team, :machine, :subject, :action, :summary, :actorId, :actorName, :channel,
                    :clientAddress, :correlationId, :at, :seq, :globalIndex, :state)
            ON CONFLICT (event_id) DO NOTHING""";

    private final JdbcClient jdbc;
    private final AuditNames names;
    private final AuditDescriber describer;
    private final NamedParameterJdbcOperations batch;
    private final List<SqlParameterSource> pending = new ArrayList<>();

    @Autowired
    public AuditTrailProjection(JdbcClient jdbc) {
        this(jdbc, new AuditNames(jdbc));
    }

    private AuditTrailProjection(JdbcClient jdbc, AuditNames names, NamedParameterJdbcOperations batch) {
        this.jdbc = jdbc;
        this.names = names;
        this.describer = new AuditDescriber(names);
        this.batch = batch;
    }

    private AuditTrailProjection(JdbcClient jdbc, AuditNames names) {
        this(jdbc, names, null);
    }

    /**
     * The projection for a rebuild's own tables, which it alone writes: it remembers names instead of reading them,
     * and holds its rows until {@link #flush()} sends them in one JDBC batch (a round trip per row was a third of a
     * rebuild's time).
     */
    public static AuditTrailProjection forRebuild(JdbcClient jdbc, NamedParameterJdbcOperations batch) {
        return new AuditTrailProjection(jdbc, AuditNames.remembering(jdbc, batch), batch);
    }

    /**
     * Forgets what a rebuild's projection holds and remembers, after its transaction was rolled back: what it
     * remembered may not have been committed. It reads the names and states from its tables again as needed.
     */
    public void discard() {
        pending.clear();
        names.forget();
    }

    /** Writes the rows a rebuild's projection holds; nothing for the live one, which writes each row at once. */
    public void flush() {
        if (batch == null) {
            return;
        }
        try {
            if (!pending.isEmpty()) {
                batch.batchUpdate(INSERT, pending.toArray(SqlParameterSource[]::new));
            }
            names.flush();
        } finally {
            pending.clear();
        }
    }

    @EventHandler
    void on(Object event, EventMessage<?> message) {
        remember(event);
        describer.describe(event).ifPresent(description -> record(event, message, description));
    }

    @ResetHandler
    void reset() {
        names.truncate();
    }

    /** Keeps the names and the machine-to-team mapping that later entries are attributed by. */
    private void remember(Object event) {
        switch (event) {
            case MachineCreated e -> names.machine(e.machineId(), e.teamId(), e.name().value());
            case MachineImported e -> names.machine(e.machineId(), e.teamId(), e.name().value());
            case TeamCreated e -> names.team(e.teamId(), e.name().value());
            case UserRegistered e -> names.user(e.userId(), e.username().value());
            default -> {
            }
        }
    }

    private void record(Object event, EventMessage<?> message, Description description) {
        MetaData meta = message.getMetaData();
        Long sequence = message instanceof DomainEventMessage<?> domain ? domain.getSequenceNumber() : null;
        Long globalIndex = message instanceof TrackedEventMessage<?> tracked && tracked.trackingToken() != null
                ? boxed(tracked.trackingToken().position()) : null;
        var state = description.machineId() == null ? null : names.machineState(description.machineId(),
                MachineStateAfter.of(event).orElse(null));
        var row = new MapSqlParameterSource()
                .addValue("eventId", message.getIdentifier())
                .addValue("team", description.teamId() == null ? null
                        : AuditNames.uuid(description.teamId().value()), Types.OTHER)
                .addValue("machine", description.machineId() == null ? null
                        : AuditNames.uuid(description.machineId().value()), Types.OTHER)
                .addValue("subject", description.subject())
                .addValue("action", event.getClass().getSimpleName())
                .addValue("summary", description.summary())
                .addValue("actorId", text(meta, AuditMetadata.ACTOR_ID))
                .addValue("actorName", text(meta, AuditMetadata.ACTOR_NAME))
                .addValue("channel", text(meta, AuditMetadata.CHANNEL))
                .addValue("clientAddress", text(meta, AuditMetadata.CLIENT_ADDRESS))
                .addValue("correlationId", text(meta, AuditMetadata.CORRELATION_ID))
                .addValue("at", message.getTimestamp().atOffset(ZoneOffset.UTC))
                .addValue("seq", sequence, Types.BIGINT)
                .addValue("globalIndex", globalIndex, Types.BIGINT)
                .addValue("state", state == null ? null : state.name(), Types.VARCHAR);
        if (batch != null) {
            pending.add(row);
        } else {
            jdbc.sql(INSERT).paramSource(row).update();
        }
    }

    private static Long boxed(java.util.OptionalLong position) {
        return position.isPresent() ? position.getAsLong() : null;
    }

    private static String text(MetaData meta, String key) {
        return Objects.toString(meta.get(key), null);
    }
}
