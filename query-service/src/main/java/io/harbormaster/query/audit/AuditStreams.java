package io.harbormaster.query.audit;

import io.harbormaster.api.machine.MachineId;
import io.harbormaster.api.machine.MachineState;
import io.harbormaster.api.team.TeamId;
import io.harbormaster.api.user.Caller;
import java.io.IOException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DataAccessException;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The open live event streams and the one poller that feeds them. Every {@code harbormaster.events.poll-interval}
 * (250 ms) it reads the audit trail's highest {@code stream_seq} (one index lookup); only when rows were added since
 * a stream's cursor does it read that stream's new rows, by its machine or team and {@code stream_seq} (one indexed
 * query), send them and move the cursor. No database connection is held between polls, so an idle stream costs
 * nothing but its slot here; nothing is polled while no stream is open. Every
 * {@code harbormaster.events.heartbeat-interval} (15 s) of silence a comment line goes out, which also finds
 * clients that went away (the write fails and the stream is dropped).
 *
 * <p><b>Why polling the read model is correct.</b> The audit-trail projection is a tracking processor with one
 * segment: one thread inserts its rows one by one and commits its batches in order, and {@code stream_seq} is
 * numbered at insert. So when a row becomes visible, every row with a lower {@code stream_seq} is visible already,
 * and a reader that moves its cursor to the last row it saw never skips one. (The event store's global index would
 * not do: an event whose transaction commits late is delivered after events with higher indexes.) With several
 * segments, each segment would commit on its own and a lower number could appear after a higher one: the cursor
 * would have to be per segment, or the reader would have to stay behind the oldest transaction still open
 * ({@code pg_snapshot_xmin}). A dead letter retried by an admin is written outside the processor's thread and may
 * be numbered ahead of a batch in flight; an open stream can miss that entry (the history has it).
 *
 * <p>Sending runs on the poller's thread: a client that reads slower than its socket buffer holds up the others
 * until its write fails. Streams end after {@code harbormaster.events.max-duration} (30 min); clients reconnect with
 * {@code Last-Event-ID}, as the SSE standard has them do.
 */
@Component
class AuditStreams implements DisposableBean, MeterBinder {

    private static final Logger log = LoggerFactory.getLogger(AuditStreams.class);
    /** Rows per stream per poll; a longer backlog (a replayed history) continues on the next poll. */
    private static final int BATCH = 200;

    private final JdbcClient jdbc;
    private final AuditQueries access;
    private final Duration heartbeat;
    private final Duration maxDuration;
    private final Clock clock = Clock.systemUTC();
    private final Set<Stream> open = ConcurrentHashMap.newKeySet();
    private final ScheduledExecutorService poller = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("audit-streams").daemon().factory());

    AuditStreams(JdbcClient jdbc, AuditQueries access,
                 @Value("${harbormaster.events.poll-interval:250ms}") Duration pollInterval,
                 @Value("${harbormaster.events.heartbeat-interval:15s}") Duration heartbeat,
                 @Value("${harbormaster.events.max-duration:30m}") Duration maxDuration) {
        this.jdbc = jdbc;
        this.access = access;
        this.heartbeat = heartbeat;
        this.maxDuration = maxDuration;
        poller.scheduleWithFixedDelay(this::pollQuietly, pollInterval.toMillis(), pollInterval.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    /** What a stream follows: one machine's entries or one team's. */
    sealed interface Scope permits MachineScope, TeamScope {
    }

    record MachineScope(MachineId machineId) implements Scope {
    }

    record TeamScope(TeamId teamId) implements Scope {
    }

    /** The highest cursor so far: a stream that starts "from now" starts after it. */
    long head() {
        return jdbc.sql("SELECT COALESCE(max(stream_seq), 0) FROM rm_audit_entry").query(Long.class).single();
    }

    /** Opens a stream of the entries after {@code cursor}; the caller checked that the caller may see the scope. */
    SseEmitter open(Scope scope, Caller caller, long cursor) {
        var emitter = new SseEmitter(maxDuration.toMillis());
        var stream = new Stream(scope, caller, emitter, cursor, clock.instant());
        emitter.onCompletion(() -> open.remove(stream));
        emitter.onTimeout(() -> {
            open.remove(stream);
            emitter.complete();
        });
        emitter.onError(error -> open.remove(stream));
        try {
            // sent as soon as the response starts: the client gets the headers (and knows the stream is open) at
            // once, not with the first entry or heartbeat
            emitter.send(SseEmitter.event().comment("open"));
        } catch (IOException e) {
            throw new IllegalStateException("the stream could not be opened", e);
        }
        open.add(stream);
        return emitter;
    }

    /** How many streams are open (for tests and diagnostics). */
    int openStreams() {
        return open.size();
    }

    /** {@code harbormaster.event.streams}: the live event streams open now. */
    @Override
    public void bindTo(MeterRegistry registry) {
        Gauge.builder("harbormaster.event.streams", this, AuditStreams::openStreams)
                .description("Live event streams (server-sent events) open now")
                .register(registry);
    }

    private void pollQuietly() {
        try {
            poll();
        } catch (RuntimeException e) {
            // a database outage must not end the poller: the next poll tries again, the streams stay open
            log.debug("Polling the audit trail for live streams failed: {}", e.toString());
        }
    }

    private void poll() {
        if (open.isEmpty()) {
            return;
        }
        var head = head();
        var now = clock.instant();
        for (var stream : open) {
            if (stream.cursor < head) {
                deliver(stream);
            }
            if (open.contains(stream) && Duration.between(stream.lastSent, now).compareTo(heartbeat) >= 0) {
                send(stream, SseEmitter.event().comment("heartbeat"));
            }
        }
    }

    private void deliver(Stream stream) {
        List<Row> rows;
        try {
            rows = rowsAfter(stream.scope, stream.cursor);
            if (rows.isEmpty()) {
                return;
            }
            // access can be lost while a stream is open (removed from the team): checked whenever there is news
            if (!maySee(stream)) {
                open.remove(stream);
                stream.emitter.complete();
                return;
            }
        } catch (DataAccessException e) {
            log.debug("Reading the audit trail for a live stream failed; trying again at the next poll: {}",
                    e.toString());
            return;
        }
        for (var row : rows) {
            if (!send(stream, SseEmitter.event().id(Long.toString(row.seq())).name(row.entry().action())
                    .data(row.entry(), MediaType.APPLICATION_JSON))) {
                return;
            }
            stream.cursor = row.seq();
        }
    }

    private boolean maySee(Stream stream) {
        return switch (stream.scope) {
            case MachineScope machine -> access.maySeeMachine(machine.machineId().value(), stream.caller);
            case TeamScope team -> access.maySeeTeam(team.teamId(), stream.caller);
        };
    }

    private boolean send(Stream stream, SseEmitter.SseEventBuilder event) {
        try {
            stream.emitter.send(event);
            stream.lastSent = clock.instant();
            return true;
        } catch (IOException | IllegalStateException e) {
            // the client went away (or the stream completed meanwhile): forget it
            open.remove(stream);
            stream.emitter.completeWithError(e);
            return false;
        }
    }

    /** The entries of the scope after {@code cursor}, oldest first. */
    List<Row> rowsAfter(Scope scope, long cursor) {
        var column = scope instanceof MachineScope ? "machine_id" : "team_id";
        var id = switch (scope) {
            case MachineScope machine -> machine.machineId().value();
            case TeamScope team -> team.teamId().value();
        };
        return jdbc.sql("SELECT * FROM rm_audit_entry WHERE " + column + " = :id AND stream_seq > :cursor"
                        + " ORDER BY stream_seq LIMIT :limit")
                .param("id", AuditNames.uuid(id)).param("cursor", cursor).param("limit", BATCH)
                .query(AuditStreams::row).list();
    }

    @Override
    public void destroy() {
        poller.shutdownNow();
        for (var stream : open) {
            stream.emitter.complete();
        }
        open.clear();
    }

    /** One entry as a stream sends it, with its cursor. */
    record Row(long seq, AuditStreamEntry entry) {
    }

    private static Row row(ResultSet rs, int rowNum) throws SQLException {
        var team = rs.getString("team_id");
        var machine = rs.getString("machine_id");
        var state = rs.getString("machine_state");
        return new Row(rs.getLong("stream_seq"), new AuditStreamEntry(
                rs.getString("event_id"),
                rs.getObject("occurred_at", OffsetDateTime.class).toInstant(),
                team == null ? null : TeamId.of(team),
                machine == null ? null : MachineId.of(machine),
                rs.getString("subject"),
                rs.getString("action"),
                rs.getString("summary"),
                rs.getString("actor_id"),
                rs.getString("actor_name"),
                rs.getString("channel"),
                rs.getString("client_address"),
                rs.getString("correlation_id"),
                state == null ? null : MachineState.valueOf(state)));
    }

    /** An open stream: what it follows, for whom, and how far it got. Touched only by the poller's thread. */
    private static final class Stream {

        final Scope scope;
        final Caller caller;
        final SseEmitter emitter;
        volatile long cursor;
        volatile Instant lastSent;

        Stream(Scope scope, Caller caller, SseEmitter emitter, long cursor, Instant openedAt) {
            this.scope = scope;
            this.caller = caller;
            this.emitter = emitter;
            this.cursor = cursor;
            this.lastSent = openedAt;
        }
    }
}
