package io.harbormaster.query.audit;

import io.harbormaster.api.machine.MachineId;
import io.harbormaster.api.user.Caller;
import io.harbormaster.query.web.BadParameterException;
import io.harbormaster.query.web.NotFoundException;
import io.harbormaster.query.web.Params;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Live event streams (server-sent events) of one machine and of one team: what the history and the audit log show,
 * as it happens. Seen by exactly those who may read the history ({@code GET /api/machines/{id}/history}) or the
 * audit log ({@code GET /api/teams/{id}/audit}). Each message is {@code id:} a cursor, {@code event:} the action,
 * {@code data:} the entry as one line of JSON with the machine's state after it. A stream starts after the cursor
 * in {@code Last-Event-ID} or {@code ?after=}, with the whole history for {@code ?replay=true}, and otherwise with
 * what happens from now on.
 */
@RestController
@Tag(name = "Audit")
class AuditStreamController {

    /** How long a machine stream waits for a machine created a moment ago to reach the read model. */
    private static final Duration NEW_MACHINE_GRACE = Duration.ofSeconds(3);

    private final AuditStreams streams;
    private final AuditQueries access;
    private final org.springframework.jdbc.core.simple.JdbcClient jdbc;

    AuditStreamController(AuditStreams streams, AuditQueries access,
                          org.springframework.jdbc.core.simple.JdbcClient jdbc) {
        this.streams = streams;
        this.access = access;
        this.jdbc = jdbc;
    }

    @GetMapping(value = "/api/machines/{id}/events", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    @Operation(operationId = "streamMachineEvents", summary = "A machine's history as it happens (server-sent events)",
            description = "Each message: `id:` a cursor (increasing), `event:` the action (MachineCreated, "
                    + "ProvisioningStepCompleted, MachineProvisioned, ProvisioningFailed, MachineStateObserved, ...), "
                    + "`data:` the history entry as one line of JSON plus `state`, the machine's state after it. "
                    + "Starts after `Last-Event-ID` (or `after`), or with the whole history for `replay=true` "
                    + "(the same as `after=0`; use it right after creating a machine so no entry is missed), "
                    + "otherwise with what happens from now on. A comment line every 15 s keeps the connection "
                    + "alive; the stream ends after 30 minutes, reconnect with Last-Event-ID.")
    @ApiResponse(responseCode = "200", description = "The stream",
            content = @Content(mediaType = MediaType.TEXT_EVENT_STREAM_VALUE,
                    schema = @Schema(implementation = AuditStreamEntry.class)))
    @ApiResponse(responseCode = "400", description = "A malformed id or cursor")
    @ApiResponse(responseCode = "404", description = "No machine with that id whose history the caller may see")
    SseEmitter machineEvents(@PathVariable String id,
            @Parameter(description = "resume after this cursor (the id of the last message received)")
            @RequestHeader(value = "Last-Event-ID", required = false) String lastEventId,
            @Parameter(description = "start after this cursor; 0 for the whole history")
            @RequestParam(required = false) String after,
            @Parameter(description = "send the whole history first")
            @RequestParam(defaultValue = "false") boolean replay,
            @Parameter(hidden = true) @RequestAttribute(Caller.REQUEST_ATTRIBUTE) Caller caller,
            HttpServletResponse response) {
        var machineId = Params.machineId("id", id);
        var cursor = cursor(lastEventId, after, replay);
        if (!historyVisible(machineId, caller)) {
            throw new NotFoundException("No machine with id " + machineId.value());
        }
        return open(new AuditStreams.MachineScope(machineId), caller, cursor, response);
    }

    @GetMapping(value = "/api/teams/{id}/events", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    @Operation(operationId = "streamTeamEvents", summary = "A team's audit log as it happens (server-sent events)",
            description = "The team's own entries and its machines', in the same messages as a machine's stream. "
                    + "Starts after `Last-Event-ID` (or `after`), with the whole log for `replay=true`, otherwise "
                    + "with what happens from now on.")
    @ApiResponse(responseCode = "200", description = "The stream",
            content = @Content(mediaType = MediaType.TEXT_EVENT_STREAM_VALUE,
                    schema = @Schema(implementation = AuditStreamEntry.class)))
    @ApiResponse(responseCode = "400", description = "A malformed id or cursor")
    @ApiResponse(responseCode = "404", description = "No team with that id whose audit log the caller may see")
    SseEmitter teamEvents(@PathVariable String id,
            @Parameter(description = "resume after this cursor (the id of the last message received)")
            @RequestHeader(value = "Last-Event-ID", required = false) String lastEventId,
            @Parameter(description = "start after this cursor; 0 for the whole log")
            @RequestParam(required = false) String after,
            @Parameter(description = "send the whole log first")
            @RequestParam(defaultValue = "false") boolean replay,
            @Parameter(hidden = true) @RequestAttribute(Caller.REQUEST_ATTRIBUTE) Caller caller,
            HttpServletResponse response) {
        var teamId = Params.teamId("id", id);
        var cursor = cursor(lastEventId, after, replay);
        if (!access.maySeeTeam(teamId, caller)) {
            throw new NotFoundException("No team with id " + teamId.value());
        }
        return open(new AuditStreams.TeamScope(teamId), caller, cursor, response);
    }

    private SseEmitter open(AuditStreams.Scope scope, Caller caller, Long cursor, HttpServletResponse response) {
        // proxies must pass each message on at once instead of buffering the response
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
        response.setHeader("X-Accel-Buffering", "no");
        return streams.open(scope, caller, cursor == null ? streams.head() : cursor);
    }

    /**
     * The history's rule: the caller may see the machine, or saw it in a team before it was removed; and it has a
     * history at all. A machine created a moment ago may not have reached the read models yet (hm opens the stream
     * right after the 202), so an unknown machine is looked for again for a few seconds before the 404; unknown and
     * invisible machines wait alike, so the wait tells nothing.
     */
    private boolean historyVisible(MachineId machineId, Caller caller) {
        var deadline = System.nanoTime() + NEW_MACHINE_GRACE.toNanos();
        while (true) {
            if (access.maySeeMachine(machineId.value(), caller) && hasHistory(machineId)) {
                return true;
            }
            if (System.nanoTime() > deadline) {
                return false;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
    }

    private boolean hasHistory(MachineId machineId) {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM rm_audit_machine WHERE machine_id = :id)")
                .param("id", AuditNames.uuid(machineId.value())).query(Boolean.class).single();
    }

    /** Last-Event-ID wins over {@code after}; {@code replay} is {@code after=0}; none of them: null, from now on. */
    private static Long cursor(String lastEventId, String after, boolean replay) {
        if (lastEventId != null && !lastEventId.isBlank()) {
            return parse("Last-Event-ID", lastEventId);
        }
        if (after != null && !after.isBlank()) {
            return parse("after", after);
        }
        return replay ? 0L : null;
    }

    private static long parse(String parameter, String raw) {
        try {
            var value = Long.parseLong(raw.strip());
            if (value >= 0) {
                return value;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw new BadParameterException(parameter, parameter + " must be a cursor: the id of a message of this "
                + "stream, a whole number of 0 or more; got '" + raw.strip() + "'");
    }
}
