package io.harbormaster.query.machine;

import io.harbormaster.api.machine.FindMachineByNameQuery;
import io.harbormaster.api.machine.FindMachineQuery;
import io.harbormaster.api.machine.MachineId;
import io.harbormaster.api.machine.MachineNameMatches;
import io.harbormaster.api.team.TeamId;
import io.harbormaster.api.machine.FindMachinesQuery;
import io.harbormaster.api.machine.MachineDetail;
import io.harbormaster.api.machine.MachineFilter;
import io.harbormaster.api.machine.MachinePage;
import io.harbormaster.api.machine.MachineShare;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import io.harbormaster.query.web.CallerAccess;
import org.springframework.stereotype.Component;

/** Answers the machine list and detail queries from the machine-list read model, always as {@code api} records. */
@Component
class MachineQueries {

    /** PostgreSQL's SQLSTATE for a regular expression it cannot compile. */
    private static final String INVALID_REGULAR_EXPRESSION = "2201B";

    private final JdbcClient jdbc;

    MachineQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @QueryHandler
    MachinePage handle(FindMachinesQuery query) {
        var filter = query.filter() == null ? MachineFilter.any() : query.filter();
        var conditions = new ArrayList<String>();
        var params = new HashMap<String, Object>(CallerAccess.params(query.caller()));
        conditions.add(CallerAccess.machineVisible("m"));
        if (filter.team() != null) {
            conditions.add("team_id = :team");
            params.put("team", MachineRows.uuid(filter.team().value()));
        }
        if (filter.state() != null) {
            conditions.add("state = :state");
            params.put("state", filter.state().name());
        }
        if (filter.driver() != null && !filter.driver().isBlank()) {
            conditions.add("driver = :driver");
            params.put("driver", filter.driver().strip());
        }
        if (filter.holder() != null) {
            conditions.add("holder_id = :holder");
            params.put("holder", MachineRows.uuid(filter.holder().value()));
        }
        if (filter.nameRegex() != null) {
            // found anywhere in the name, as docker-machine ls --filter name= does; case-insensitive (~*) because
            // names are unique regardless of case, so "WEB" and "web" name the same machine
            conditions.add("name ~* :re");
            params.put("re", filter.nameRegex());
        }
        var where = " WHERE " + String.join(" AND ", conditions);
        try {
            long total = jdbc.sql("SELECT count(*) FROM rm_machine m" + where).params(params).query(Long.class).single();
            var items = jdbc.sql("SELECT m.* FROM rm_machine m" + where
                            + " ORDER BY name_sort_key, name, id LIMIT :limit OFFSET :offset")
                    .params(params)
                    .param("limit", query.page().size())
                    .param("offset", query.page().offset())
                    .query(MachineRowMapper::summary)
                    .list();
            return new MachinePage(items, query.page().page(), query.page().size(), total);
        } catch (DataAccessException e) {
            if (isInvalidRegex(e)) {
                // Java accepted the pattern (MachineFilter checks it) but PostgreSQL's dialect does not.
                throw new IllegalArgumentException("name filter is not a valid PostgreSQL regular expression: "
                        + e.getMostSpecificCause().getMessage());
            }
            throw e;
        }
    }

    @QueryHandler
    MachineDetail handle(FindMachineQuery query) {
        var shares = shares(query.machineId());
        return jdbc.sql("SELECT m.* FROM rm_machine m WHERE m.id = :id AND " + CallerAccess.machineVisible("m"))
                .param("id", MachineRows.uuid(query.machineId().value()))
                .params(CallerAccess.params(query.caller()))
                .query((rs, n) -> MachineRowMapper.detail(rs, shares))
                .optional()
                .orElse(null);
    }

    /**
     * The visible machines of one name, through the index on {@code lower(name)}: names are unique per team
     * regardless of case, so at most one per team. The team is a team id or a team name (ignoring case).
     */
    @QueryHandler
    MachineNameMatches handle(FindMachineByNameQuery query) {
        var sql = new StringBuilder("SELECT m.id FROM rm_machine m WHERE lower(m.name) = lower(:name) AND ")
                .append(CallerAccess.machineVisible("m"));
        var params = new HashMap<String, Object>(CallerAccess.params(query.caller()));
        params.put("name", query.name().value());
        var team = query.team() == null ? null : query.team().strip();
        if (team != null && !team.isEmpty()) {
            var teamId = teamIdOrNull(team);
            if (teamId != null) {
                sql.append(" AND m.team_id = :team");
                params.put("team", teamId);
            } else {
                sql.append(" AND lower(m.team_name) = lower(:team)");
                params.put("team", team);
            }
        }
        var ids = jdbc.sql(sql + " ORDER BY m.team_name, m.team_id").params(params)
                .query((rs, n) -> MachineId.of(rs.getString("id"))).list();
        return new MachineNameMatches(ids.stream()
                .map(id -> handle(new FindMachineQuery(id, query.caller())))
                .filter(java.util.Objects::nonNull)
                .toList());
    }

    private static java.util.UUID teamIdOrNull(String team) {
        try {
            return MachineRows.uuid(TeamId.of(team).value());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private List<MachineShare> shares(MachineId machineId) {
        return jdbc.sql("""
                        SELECT s.grantee_kind, s.grantee_id, s.role, COALESCE(u.username, t.name) AS grantee_name
                        FROM rm_machine_share s
                        LEFT JOIN rm_machine_user_name u ON s.grantee_kind = 'USER' AND u.user_id = s.grantee_id
                        LEFT JOIN rm_machine_team_name t ON s.grantee_kind = 'TEAM' AND t.team_id = s.grantee_id
                        WHERE s.machine_id = :id
                        ORDER BY s.grantee_kind, grantee_name, s.grantee_id""")
                .param("id", MachineRows.uuid(machineId.value()))
                .query(MachineRowMapper::share)
                .list();
    }

    private static boolean isInvalidRegex(DataAccessException e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && INVALID_REGULAR_EXPRESSION.equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }
}
