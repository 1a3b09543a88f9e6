package io.harbormaster.query.audit;

import io.harbormaster.api.audit.AuditEntry;
import io.harbormaster.api.audit.AuditFilter;
import io.harbormaster.api.audit.AuditPage;
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
import java.util.Map;
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
        return page(" WHERE machine_id = :machine",
                Map.of("machine", AuditNames.uuid(query.machineId().value())), query.page());
    }

    /** The team's own events and those of the machines that belonged to it when they happened. */
    @QueryHandler
    AuditPage handle(FindTeamAuditLogQuery query) {
        var filter = query.filter() == null ? AuditFilter.any() : query.filter();
        var conditions = new ArrayList<String>();
        var params = new HashMap<String, Object>();
        conditions.add("team_id = :team");
        params.put("team", AuditNames.uuid(query.teamId().value()));
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
        return page(" WHERE " + String.join(" AND ", conditions), params, query.page());
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
