package io.harbormaster.query.audit;

import io.harbormaster.api.machine.MachineId;
import io.harbormaster.api.machine.MachineState;
import io.harbormaster.api.team.TeamId;
import io.harbormaster.api.user.UserId;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcOperations;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The audit trail's own lookups: which team a machine belongs to and the names of machines, teams and users. Machine
 * events carry only the machine id; these tables let each entry name its subject and land in the right team's log.
 * Names are taken as of the event, never rewritten later, because an audit entry records what was true then.
 */
final class AuditNames {

    /** A machine as the audit trail knows it. */
    record MachineRef(TeamId teamId, String name) {
    }

    private final JdbcClient jdbc;
    /** Null for the live projection; a rebuild's single writer keeps what it wrote, see {@link #remembering}. */
    private final Memory memory;
    private final NamedParameterJdbcOperations batch;
    /** The machines whose state a rebuild changed since the last {@link #flush()}: one write each per batch. */
    private final Map<MachineId, MachineState> changedStates = new LinkedHashMap<>();

    /** What a rebuild has written, so it need not read it back: a look-up per name was most of a replay's time. */
    private record Memory(Map<MachineId, Optional<MachineRef>> machines, Map<TeamId, String> teams,
                          Map<UserId, String> users, Map<MachineId, Optional<MachineState>> states) {
    }

    AuditNames(JdbcClient jdbc) {
        this(jdbc, null, null);
    }

    private AuditNames(JdbcClient jdbc, Memory memory, NamedParameterJdbcOperations batch) {
        this.jdbc = jdbc;
        this.memory = memory;
        this.batch = batch;
    }

    /**
     * Names that also keep in memory what they write and read. Only for a rebuild's tables: there one thread is the
     * only writer, names are never changed once written (first write wins), and a batch that fails is applied again
     * from its first event, which writes the same values again. The live projection shares its tables with dead-letter
     * retries and resets, so it reads them every time.
     */
    static AuditNames remembering(JdbcClient jdbc, NamedParameterJdbcOperations batch) {
        return new AuditNames(jdbc, new Memory(new HashMap<>(), new HashMap<>(), new HashMap<>(), new HashMap<>()),
                batch);
    }

    /** Writes the machine states a rebuild remembered since the last flush, in one JDBC batch. */
    void flush() {
        if (memory == null || changedStates.isEmpty()) {
            return;
        }
        try {
            batch.batchUpdate("UPDATE rm_audit_machine SET state = :state WHERE machine_id = :id",
                    changedStates.entrySet().stream().map(e -> new MapSqlParameterSource()
                            .addValue("id", uuid(e.getKey().value())).addValue("state", e.getValue().name()))
                            .toArray(SqlParameterSource[]::new));
        } finally {
            changedStates.clear();
        }
    }

    void machine(MachineId machine, TeamId team, String name) {
        jdbc.sql("""
                INSERT INTO rm_audit_machine (machine_id, team_id, name) VALUES (:id, :team, :name)
                ON CONFLICT (machine_id) DO NOTHING""")
                .param("id", uuid(machine.value())).param("team", uuid(team.value())).param("name", name)
                .update();
        // remembered once written: a write PostgreSQL refuses (the event is parked) leaves nothing to remember
        if (memory != null) {
            memory.machines().compute(machine, (id, known) -> known == null || known.isEmpty()
                    ? Optional.of(new MachineRef(team, name)) : known);
        }
    }

    void team(TeamId team, String name) {
        jdbc.sql("INSERT INTO rm_audit_team (team_id, name) VALUES (:id, :name) ON CONFLICT (team_id) DO NOTHING")
                .param("id", uuid(team.value())).param("name", name).update();
        if (memory != null) {
            memory.teams().putIfAbsent(team, name);
        }
    }

    void user(UserId user, String username) {
        jdbc.sql("INSERT INTO rm_audit_user (user_id, username) VALUES (:id, :name) ON CONFLICT (user_id) DO NOTHING")
                .param("id", uuid(user.value())).param("name", username).update();
        if (memory != null) {
            memory.users().putIfAbsent(user, username);
        }
    }

    /**
     * The machine's state after an event: {@code after} when the event sets one (and remembered), else the last one
     * remembered; null when none is known.
     */
    MachineState machineState(MachineId machine, MachineState after) {
        if (after != null && memory != null) {
            memory.states().put(machine, Optional.of(after));
            changedStates.put(machine, after);
            return after;
        }
        if (after != null) {
            jdbc.sql("UPDATE rm_audit_machine SET state = :state WHERE machine_id = :id")
                    .param("id", uuid(machine.value())).param("state", after.name()).update();
            return after;
        }
        if (memory != null) {
            return memory.states().computeIfAbsent(machine, m -> Optional.ofNullable(readState(m))).orElse(null);
        }
        return readState(machine);
    }

    private MachineState readState(MachineId machine) {
        return jdbc.sql("SELECT state FROM rm_audit_machine WHERE machine_id = :id")
                .param("id", uuid(machine.value())).query(String.class).optional()
                .map(MachineState::valueOf).orElse(null);
    }

    Optional<MachineRef> machine(MachineId machine) {
        if (memory != null) {
            return memory.machines().computeIfAbsent(machine, this::readMachine);
        }
        return readMachine(machine);
    }

    private Optional<MachineRef> readMachine(MachineId machine) {
        return jdbc.sql("SELECT team_id, name FROM rm_audit_machine WHERE machine_id = :id")
                .param("id", uuid(machine.value()))
                .query((rs, n) -> new MachineRef(TeamId.of(rs.getString("team_id")), rs.getString("name")))
                .optional();
    }

    /** The team's name, or its id when the team is not known (yet). */
    String team(TeamId team) {
        if (memory != null) {
            var known = memory.teams().get(team);
            if (known != null) {
                return known;
            }
        }
        return jdbc.sql("SELECT name FROM rm_audit_team WHERE team_id = :id")
                .param("id", uuid(team.value())).query(String.class).optional().orElse(team.value());
    }

    /** The user's login name, or their id when the user is not known (yet). */
    String user(UserId user) {
        if (user == null) {
            return "nobody";
        }
        if (memory != null) {
            var known = memory.users().get(user);
            if (known != null) {
                return known;
            }
        }
        return jdbc.sql("SELECT username FROM rm_audit_user WHERE user_id = :id")
                .param("id", uuid(user.value())).query(String.class).optional().orElse(user.value());
    }

    /** Forgets what a rebuild remembered; the tables say it again when asked. */
    void forget() {
        if (memory != null) {
            changedStates.clear();
            memory.machines().clear();
            memory.teams().clear();
            memory.users().clear();
            memory.states().clear();
        }
    }

    void truncate() {
        forget();
        jdbc.sql("TRUNCATE rm_audit_entry, rm_audit_machine, rm_audit_team, rm_audit_user").update();
    }

    static UUID uuid(String value) {
        return UUID.fromString(value);
    }
}
