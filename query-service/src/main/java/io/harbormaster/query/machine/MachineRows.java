package io.harbormaster.query.machine;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.harbormaster.api.machine.DriverOptions;
import io.harbormaster.api.machine.EngineOptions;
import io.harbormaster.api.machine.Grantee;
import io.harbormaster.api.machine.MachineCertificates;
import io.harbormaster.api.machine.MachineId;
import io.harbormaster.api.machine.MachineState;
import io.harbormaster.api.machine.ShareRole;
import io.harbormaster.api.team.TeamId;
import io.harbormaster.api.user.UserId;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The machine-list projection's rows in {@code rm_machine}. Every change to a machine row goes through {@link #advance}, which
 * applies it only when the event's sequence number is above the stored version: that makes redelivered events
 * harmless and keeps {@code version} equal to the aggregate's last sequence number.
 */
final class MachineRows implements MachineListRows {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final JdbcClient jdbc;

    MachineRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A new machine row, unless it already exists or was removed (a redelivered creation must not revive it). */
    @Override
    public void insert(MachineId id, TeamId team, String name, String driver, DriverOptions options, UserId holder,
                MachineState state, long seq, Instant at, EngineOptions engineOptions) {
        lockName(TEAM_NAME, uuid(team.value()));
        if (holder != null) {
            lockName(USER_NAME, uuid(holder.value()));
        }
        jdbc.sql("""
                INSERT INTO rm_machine (id, team_id, team_name, name, name_sort_key, driver, driver_options, state,
                                        holder_id, holder_name, created_at, updated_at, version, engine_options)
                SELECT :id, :team, (SELECT name FROM rm_machine_team_name WHERE team_id = :team), :name, :sortKey,
                       :driver, CAST(:options AS jsonb), :state, :holder,
                       (SELECT username FROM rm_machine_user_name WHERE user_id = :holder), :at, :at, :seq,
                       CAST(:engine AS jsonb)
                WHERE NOT EXISTS (SELECT 1 FROM rm_machine_removed WHERE machine_id = :id)
                ON CONFLICT (id) DO NOTHING""")
                .param("id", uuid(id.value()))
                .param("team", uuid(team.value()))
                .param("name", name)
                .param("sortKey", NaturalSortKey.of(name))
                .param("driver", driver)
                .param("options", json(options))
                .param("state", state.name())
                .param("holder", holder == null ? null : uuid(holder.value()), Types.OTHER)
                .param("at", timestamp(at))
                .param("seq", seq)
                .param("engine", json(engineOptions == null ? EngineOptions.none() : engineOptions))
                .update();
    }

    /** What the import that made the row (its version is the import's) knew already: the daemon and the CA. */
    @Override
    public void imported(MachineId id, long seq, String dockerUrl, MachineCertificates certificates) {
        var params = certificateParams(certificates);
        params.put("id", uuid(id.value()));
        params.put("seq", seq);
        params.put("url", dockerUrl);
        jdbc.sql("UPDATE rm_machine SET docker_url = :url, " + CERTIFICATE_COLUMNS + " WHERE id = :id "
                        + "AND version = :seq")
                .params(params)
                .update();
    }

    /** Records that the event happened (version, updatedAt) without changing anything else. */
    @Override
    public boolean touch(MachineId id, long seq, Instant at) {
        return advance(id, seq, at, "", Map.of());
    }

    @Override
    public boolean state(MachineId id, long seq, Instant at, MachineState state) {
        return advance(id, seq, at, "state = :state", Map.of("state", state.name()));
    }

    @Override
    public boolean failed(MachineId id, long seq, Instant at, MachineState state, String error) {
        var params = new HashMap<String, Object>();
        params.put("state", state.name());
        params.put("error", error);
        return advance(id, seq, at, "state = :state, last_error = :error", params);
    }

    /**
     * Provisioned: a provisioning that succeeds resolves the failure that left the machine in Error, and the engine
     * it verified is the version from now on (null: unknown, as for none machines and events stored before it).
     */
    @Override
    public boolean provisioned(MachineId id, long seq, Instant at, String dockerUrl, String dockerVersion) {
        var params = new HashMap<String, Object>();
        params.put("url", dockerUrl);
        params.put("version", dockerVersion);
        return advance(id, seq, at,
                "state = 'Running', docker_url = :url, last_error = NULL, docker_version = :version", params);
    }

    @Override
    public boolean dockerVersion(MachineId id, long seq, Instant at, String dockerVersion) {
        var params = new HashMap<String, Object>();
        params.put("version", dockerVersion);
        return advance(id, seq, at, "docker_version = :version", params);
    }

    @Override
    public boolean certificates(MachineId id, long seq, Instant at, MachineCertificates certificates) {
        return advance(id, seq, at, CERTIFICATE_COLUMNS, certificateParams(certificates));
    }

    @Override
    public boolean provisioningStarted(MachineId id, long seq, Instant at, String os) {
        var params = new HashMap<String, Object>();
        params.put("os", os);
        return advance(id, seq, at, "state = 'Provisioning', os = :os", params);
    }

    private static final String CERTIFICATE_COLUMNS = "ca_fingerprint = :fingerprint, "
            + "server_fingerprint = :serverFingerprint, server_serial = :serverSerial, "
            + "server_not_after = :serverNotAfter, server_names = CAST(:serverNames AS jsonb), "
            + "key_algorithm = :keyAlgorithm";

    private static Map<String, Object> certificateParams(MachineCertificates certificates) {
        var params = new HashMap<String, Object>();
        params.put("fingerprint", certificates == null ? null : certificates.caFingerprint());
        params.put("serverFingerprint", certificates == null ? null : certificates.serverFingerprint());
        params.put("serverSerial", certificates == null ? null : certificates.serverSerial());
        params.put("serverNotAfter", certificates == null || certificates.notAfter() == null ? null
                : timestamp(certificates.notAfter()));
        params.put("serverNames", certificates == null ? null : names(certificates.serverNames()));
        params.put("keyAlgorithm", certificates == null ? null : certificates.keyAlgorithm());
        return params;
    }

    private static String names(java.util.List<String> names) {
        try {
            return JSON.writeValueAsString(names);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("certificate names could not be written as JSON", e);
        }
    }

    @Override
    public boolean dockerUrl(MachineId id, long seq, Instant at, String dockerUrl) {
        var params = new HashMap<String, Object>();
        params.put("url", dockerUrl);
        return advance(id, seq, at, "docker_url = :url", params);
    }

    @Override
    public String dockerUrlOf(MachineId id) {
        return jdbc.sql("SELECT docker_url FROM rm_machine WHERE id = :id")
                .param("id", uuid(id.value())).query(String.class).optional().orElse(null);
    }

    @Override
    public boolean holder(MachineId id, long seq, Instant at, UserId holder) {
        lockName(USER_NAME, uuid(holder.value()));
        return advance(id, seq, at,
                "holder_id = :holder, holder_name = (SELECT username FROM rm_machine_user_name WHERE user_id = :holder)",
                Map.of("holder", uuid(holder.value())));
    }

    @Override
    public void share(MachineId id, Grantee grantee, ShareRole role) {
        jdbc.sql("""
                INSERT INTO rm_machine_share (machine_id, grantee_kind, grantee_id, role)
                VALUES (:id, :kind, :grantee, :role)
                ON CONFLICT (machine_id, grantee_kind, grantee_id) DO UPDATE SET role = excluded.role""")
                .param("id", uuid(id.value())).param("kind", grantee.kind().name())
                .param("grantee", uuid(grantee.id())).param("role", role.name())
                .update();
    }

    @Override
    public void unshare(MachineId id, Grantee grantee) {
        jdbc.sql("DELETE FROM rm_machine_share WHERE machine_id = :id AND grantee_kind = :kind AND grantee_id = :grantee")
                .param("id", uuid(id.value())).param("kind", grantee.kind().name())
                .param("grantee", uuid(grantee.id()))
                .update();
    }

    /** Deletes the row (shares cascade) and leaves a tombstone so an older, redelivered event cannot bring it back. */
    @Override
    public void remove(MachineId id, long seq) {
        jdbc.sql("DELETE FROM rm_machine WHERE id = :id AND version < :seq")
                .param("id", uuid(id.value())).param("seq", seq).update();
        jdbc.sql("""
                INSERT INTO rm_machine_removed (machine_id, version) VALUES (:id, :seq)
                ON CONFLICT (machine_id) DO UPDATE SET version = GREATEST(rm_machine_removed.version, excluded.version)""")
                .param("id", uuid(id.value())).param("seq", seq).update();
    }

    /** Remembers a username and fills it into machines whose holder was recorded before the name was known. */
    @Override
    public void userName(UserId user, String username) {
        var id = uuid(user.value());
        lockName(USER_NAME, id);
        jdbc.sql("INSERT INTO rm_machine_user_name (user_id, username) VALUES (:id, :name) ON CONFLICT (user_id) DO NOTHING")
                .param("id", id).param("name", username).update();
        jdbc.sql("UPDATE rm_machine SET holder_name = :name WHERE holder_id = :id AND holder_name IS DISTINCT FROM :name")
                .param("id", id).param("name", username).update();
    }

    /** Same as {@link #userName} for team names. */
    @Override
    public void teamName(TeamId team, String name) {
        var id = uuid(team.value());
        lockName(TEAM_NAME, id);
        jdbc.sql("INSERT INTO rm_machine_team_name (team_id, name) VALUES (:id, :name) ON CONFLICT (team_id) DO NOTHING")
                .param("id", id).param("name", name).update();
        jdbc.sql("UPDATE rm_machine SET team_name = :name WHERE team_id = :id AND team_name IS DISTINCT FROM :name")
                .param("id", id).param("name", name).update();
    }

    @Override
    public void truncate() {
        jdbc.sql("TRUNCATE rm_machine_share, rm_machine, rm_machine_removed, rm_machine_user_name, rm_machine_team_name")
                .update();
    }

    /** The first key of {@link #lockName}'s advisory locks: which kind of name. */
    private static final int TEAM_NAME = 0x6d6c7401;
    private static final int USER_NAME = 0x6d6c7502;

    /**
     * Serializes, until the batch's transaction ends, the writes that meet over one team's or user's name: a machine
     * row that copies the name in, and the name's arrival that fills it into existing rows. The projection runs in
     * several segments (one machine's events in one segment, but a team's and its machines' in any two), so both can
     * run at once in two transactions that cannot see each other's uncommitted rows, and the row would keep no name.
     * Under the lock the second one to run sees what the first committed. Two batches that take two such locks in
     * opposite orders deadlock now and then; PostgreSQL aborts one, and its batch is retried (see ParkingPolicy).
     */
    private void lockName(int kind, UUID id) {
        jdbc.sql("SELECT pg_advisory_xact_lock(:kind, hashtext(:id))")
                .param("kind", kind).param("id", id.toString()).query().listOfRows();
    }

    private boolean advance(MachineId id, long seq, Instant at, String assignments, Map<String, ?> params) {
        var set = assignments.isEmpty() ? "" : assignments + ", ";
        var statement = jdbc.sql("UPDATE rm_machine SET " + set + "version = :seq, updated_at = :at "
                        + "WHERE id = :id AND version < :seq")
                .param("id", uuid(id.value())).param("seq", seq).param("at", timestamp(at));
        for (var param : params.entrySet()) {
            statement = statement.param(param.getKey(), param.getValue());
        }
        return statement.update() == 1;
    }

    static UUID uuid(String value) {
        return UUID.fromString(value);
    }

    static OffsetDateTime timestamp(Instant at) {
        return at.atOffset(ZoneOffset.UTC);
    }

    private static String json(EngineOptions options) {
        try {
            return JSON.writeValueAsString(options);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("engine options could not be written as JSON", e);
        }
    }

    private static String json(DriverOptions options) {
        try {
            return JSON.writeValueAsString(options == null ? Map.of() : options.values());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("driver options could not be written as JSON", e);
        }
    }
}
