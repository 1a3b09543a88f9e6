package io.harbormaster.query.audit;

import io.harbormaster.api.audit.AuditEntry;
import io.harbormaster.api.audit.AuditFilter;
import io.harbormaster.api.audit.AuditPage;
import io.harbormaster.api.audit.FindOwnSignInsQuery;
import io.harbormaster.api.audit.FindPlatformAuditLogQuery;
import io.harbormaster.api.audit.FindTeamAuditLogQuery;
import io.harbormaster.api.common.PageRequest;
import io.harbormaster.api.machine.FindMachineHistoryQuery;
import io.harbormaster.api.machine.MachineId;
import io.harbormaster.api.team.TeamId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import io.harbormaster.api.user.Caller;
import io.harbormaster.query.web.CallerAccess;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Answers machine histories and team audit logs from the audit trail, newest first. */
@Component
class AuditQueries {

    /** Newest first; within one aggregate the sequence number breaks timestamp ties, the event id makes it total. */
    private static final String NEWEST_FIRST = " ORDER BY occurred_at DESC, aggregate_seq DESC NULLS LAST, event_id DESC";

    private final JdbcClient jdbc;

    AuditQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Stays answerable after the machine is removed: the trail keeps its entries. */
    @QueryHandler
    AuditPage handle(FindMachineHistoryQuery query) {
        if (!maySeeMachine(query.machineId().value(), query.caller())) {
            return null;
        }
        return page(" WHERE machine_id = :machine",
                Map.of("machine", AuditNames.uuid(query.machineId().value())), query.page());
    }

    /** The team's own events and those of the machines that belonged to it when they happened. */
    @QueryHandler
    AuditPage handle(FindTeamAuditLogQuery query) {
        if (!maySeeTeam(query.teamId(), query.caller())) {
            return null;
        }
        var where = teamLog(query.teamId(), query.filter());
        return page(where.sql(), where.params(), query.page());
    }

    /** Everything, team or not: accounts, sign-ins and failed sign-ins included. Platform admins only. */
    /** Sign-in entries name the account as their subject; the caller's username comes from the user list. */
    @QueryHandler
    AuditPage handle(FindOwnSignInsQuery query) {
        if (query.caller() == null) {
            var page = query.page() == null ? PageRequest.first() : query.page();
            return new AuditPage(java.util.List.of(), page.page(), page.size(), 0);
        }
        return page(" WHERE action IN ('UserSignedIn', 'SignInFailed')"
                        + " AND subject = (SELECT username FROM rm_user WHERE id = :me)",
                Map.of("me", java.util.UUID.fromString(query.caller().userId().value())), query.page());
    }

    @QueryHandler
    AuditPage handle(FindPlatformAuditLogQuery query) {
        if (query.caller() == null || !query.caller().platformAdmin()) {
            return null;
        }
        var where = teamLog(null, query.filter());
        return page(where.sql(), where.params(), query.page());
    }

    /**
     * Whether the caller may see the machine's history: they may see the machine now, or (once it is removed and
     * its shares are gone) they have a role in the team it belonged to.
     */
    boolean maySeeMachine(String machineId, Caller caller) {
        return jdbc.sql("SELECT :caller_admin OR EXISTS (SELECT 1 FROM rm_machine m WHERE m.id = :machine AND "
                        + CallerAccess.machineVisible("m") + ") OR EXISTS (SELECT 1 FROM rm_audit_machine a WHERE "
                        + "a.machine_id = :machine AND " + CallerAccess.teamVisible("a.team_id") + ")")
                .param("machine", AuditNames.uuid(machineId))
                .params(CallerAccess.params(caller))
                .query(Boolean.class).single();
    }

    /** Whether the caller may see the team's audit log: platform admins and the team's members. */
    boolean maySeeTeam(TeamId team, Caller caller) {
        return jdbc.sql("SELECT " + CallerAccess.teamVisible(":team"))
                .param("team", AuditNames.uuid(team.value()))
                .params(CallerAccess.params(caller))
                .query(Boolean.class).single();
    }

    /** The team's name as the audit trail recorded it, or empty when the trail knows no such team. */
    Optional<String> teamName(TeamId team) {
        return jdbc.sql("SELECT name FROM rm_audit_team WHERE team_id = :id")
                .param("id", AuditNames.uuid(team.value())).query(String.class).optional();
    }

    /**
     * How many entries of the team's log (null team: the platform log) match the filter, counting no further than
     * {@code limit}.
     */
    long countTeamLog(TeamId team, AuditFilter filter, long limit) {
        var where = teamLog(team, filter);
        return jdbc.sql("SELECT count(*) FROM (SELECT 1 FROM rm_audit_entry" + where.sql() + " LIMIT :limit) AS m")
                .params(where.params()).param("limit", limit).query(Long.class).single();
    }

    /**
     * The next {@code size} entries of the team's log (null team: the platform log) after {@code after} (null: from the newest), in the list's
     * order. Keyset paging: each call is one short statement that starts where the previous one stopped, so entries
     * recorded meanwhile neither shift nor repeat rows the way OFFSET paging would, and no connection is held open
     * between chunks. The row to continue after is read back by its event id, so its stored timestamp and sequence
     * number are compared exactly. Axon sequence numbers are never negative, so {@code COALESCE(aggregate_seq, -1)}
     * orders rows exactly as {@code aggregate_seq DESC NULLS LAST} does in {@link #NEWEST_FIRST}.
     */
    List<AuditEntry> teamLogAfter(TeamId team, AuditFilter filter, AuditEntry after, int size) {
        var where = teamLog(team, filter);
        var params = new HashMap<String, Object>(where.params());
        var sql = "SELECT * FROM rm_audit_entry" + where.sql();
        if (after != null) {
            sql += " AND (occurred_at, COALESCE(aggregate_seq, -1), event_id) < (SELECT occurred_at,"
                    + " COALESCE(aggregate_seq, -1), event_id FROM rm_audit_entry WHERE event_id = :after)";
            params.put("after", after.eventId());
        }
        return jdbc.sql(sql + NEWEST_FIRST + " LIMIT :limit").params(params).param("limit", size)
                .query(AuditQueries::entry).list();
    }

    /** A WHERE clause and its parameters. */
    private record Where(String sql, Map<String, Object> params) {
    }

    private static Where teamLog(TeamId team, AuditFilter given) {
        var filter = given == null ? AuditFilter.any() : given;
        var conditions = new ArrayList<String>();
        var params = new HashMap<String, Object>();
        // TRUE keeps the clause valid for the platform log, which has no other condition when unfiltered
        conditions.add("TRUE");
        if (team != null) {
            conditions.add("team_id = :team");
            params.put("team", AuditNames.uuid(team.value()));
        }
        if (filter.actor() != null) {
            conditions.add("(actor_id = :actor OR actor_name = :actor)");
            params.put("actor", filter.actor());
        }
        if (filter.channel() != null) {
            conditions.add("channel = :channel");
            params.put("channel", filter.channel().wireName());
        }
        if (filter.action() != null) {
            conditions.add("action = :action");
            params.put("action", filter.action());
        }
        if (filter.from() != null) {
            conditions.add("occurred_at >= :from");
            params.put("from", filter.from().atOffset(ZoneOffset.UTC));
        }
        if (filter.to() != null) {
            conditions.add("occurred_at < :to");
            params.put("to", filter.to().atOffset(ZoneOffset.UTC));
        }
        return new Where(" WHERE " + String.join(" AND ", conditions), Map.copyOf(params));
    }

    private AuditPage page(String where, Map<String, ?> params, PageRequest page) {
        var request = page == null ? PageRequest.first() : page;
        long total = jdbc.sql("SELECT count(*) FROM rm_audit_entry" + where).params(params).query(Long.class).single();
        var items = jdbc.sql("SELECT * FROM rm_audit_entry" + where + NEWEST_FIRST + " LIMIT :limit OFFSET :offset")
                .params(params)
                .param("limit", request.size())
                .param("offset", request.offset())
                .query(AuditQueries::entry)
                .list();
        return new AuditPage(items, request.page(), request.size(), total);
    }

    private static AuditEntry entry(ResultSet rs, int rowNum) throws SQLException {
        var team = rs.getString("team_id");
        var machine = rs.getString("machine_id");
        return new AuditEntry(
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
                rs.getString("correlation_id"));
    }
}
