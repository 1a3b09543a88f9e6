package io.harbormaster.command.lookup;

import io.harbormaster.api.credential.CloudCredentialFields;
import io.harbormaster.api.credential.CloudCredentialName;
import io.harbormaster.api.machine.DriverOptions;
import io.harbormaster.api.machine.MachineId;
import io.harbormaster.api.machine.MachineName;
import io.harbormaster.api.team.TeamId;
import io.harbormaster.api.team.TeamName;
import io.harbormaster.api.team.TeamRole;
import io.harbormaster.api.user.UserId;
import io.harbormaster.api.user.Username;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.UUID;
import javax.sql.DataSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The lookups in PostgreSQL. Claims use {@code INSERT ... ON CONFLICT DO NOTHING} rather than catching a
 * duplicate-key error, because a failed statement would poison the surrounding transaction that also appends the
 * events; a concurrent claim of the same name waits on the unique index and then sees the conflict.
 */
@Component
public class JdbcLookups implements NameClaims, TeamDirectory, UserDirectory, MachineRecords, AccessDirectory,
        ManagedMachines, CloudCredentialUsers {

    private final JdbcClient jdbc;
    private final DriverOptionsSource options;

    /** Built on the DataSource so it joins the transaction Axon's unit of work runs in. */
    @Autowired
    public JdbcLookups(DataSource dataSource, DriverOptionsSource options) {
        this.jdbc = JdbcClient.create(dataSource);
        this.options = options;
    }

    /** For the lookups alone, without machine records' options (they are in the event store). */
    public JdbcLookups(DataSource dataSource) {
        this(dataSource, machineId -> DriverOptions.none());
    }

    @Override
    public Claim claimMachine(MachineId machineId, TeamId teamId, MachineName name, String driver) {
        var inserted = jdbc.sql("""
                        INSERT INTO cmd_machines (machine_id, team_id, name, driver)
                        VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING""")
                .params(uuid(machineId.value()), uuid(teamId.value()), name.value(), driver)
                .update();
        return inserted == 1 ? Claim.CLAIMED : whichTaken("cmd_machines", "machine_id", machineId.value());
    }

    @Override
    public Optional<ManagedMachine> atDockerUrl(String dockerUrl) {
        // a transaction-scoped lock per URL: released with the import's commit or rollback, never held across
        jdbc.sql("SELECT pg_advisory_xact_lock(hashtext('docker-url:' || lower(?)))").param(dockerUrl)
                .query((rs, row) -> 1).list();
        return jdbc.sql("SELECT machine_id, team_id, name FROM cmd_machines WHERE lower(docker_url) = lower(?) "
                        + "ORDER BY name LIMIT 1")
                .param(dockerUrl)
                .query((rs, row) -> new ManagedMachine(MachineId.of(rs.getString("machine_id")),
                        TeamId.of(rs.getString("team_id")), MachineName.of(rs.getString("name"))))
                .optional();
    }

    @Override
    public boolean nameTaken(TeamId teamId, MachineName name) {
        return jdbc.sql("SELECT 1 FROM cmd_machines WHERE team_id = ? AND lower(name) = lower(?)")
                .params(uuid(teamId.value()), name.value()).query((rs, row) -> true).optional().isPresent();
    }

    @Override
    public Claim claimTeam(TeamId teamId, TeamName name) {
        var inserted = jdbc.sql("INSERT INTO cmd_teams (team_id, name) VALUES (?, ?) ON CONFLICT DO NOTHING")
                .params(uuid(teamId.value()), name.value())
                .update();
        return inserted == 1 ? Claim.CLAIMED : whichTaken("cmd_teams", "team_id", teamId.value());
    }

    @Override
    public Claim claimUser(UserId userId, Username username) {
        var inserted = jdbc.sql("INSERT INTO cmd_users (user_id, username) VALUES (?, ?) ON CONFLICT DO NOTHING")
                .params(uuid(userId.value()), username.value())
                .update();
        return inserted == 1 ? Claim.CLAIMED : whichTaken("cmd_users", "user_id", userId.value());
    }

    @Override
    public boolean teamExists(TeamId teamId) {
        return exists("SELECT 1 FROM cmd_teams WHERE team_id = ?", uuid(teamId.value()));
    }

    @Override
    public Optional<TeamRole> roleOf(TeamId teamId, UserId userId) {
        return jdbc.sql("SELECT role FROM cmd_team_members WHERE team_id = ? AND user_id = ?")
                .params(uuid(teamId.value()), uuid(userId.value()))
                .query((rs, row) -> TeamRole.valueOf(rs.getString("role")))
                .optional();
    }

    @Override
    public boolean userExists(UserId userId) {
        return exists("SELECT 1 FROM cmd_users WHERE user_id = ?", uuid(userId.value()));
    }

    @Override
    public boolean isPlatformAdmin(UserId userId) {
        return exists("SELECT 1 FROM cmd_users WHERE user_id = ? AND platform_admin", uuid(userId.value()));
    }

    @Override
    public Optional<String> teamName(TeamId teamId) {
        return jdbc.sql("SELECT name FROM cmd_teams WHERE team_id = ?").param(uuid(teamId.value()))
                .query(String.class).optional();
    }

    @Override
    public long platformAdminCount() {
        return jdbc.sql("SELECT count(*) FROM cmd_users WHERE platform_admin").query(Long.class).single();
    }

    @Override
    public Set<TeamId> teamsOf(UserId userId) {
        return jdbc.sql("SELECT team_id FROM cmd_team_members WHERE user_id = ?")
                .param(uuid(userId.value()))
                .query((rs, row) -> TeamId.of(rs.getString("team_id")))
                .list().stream().collect(Collectors.toUnmodifiableSet());
    }

    /** Records whether a user is a platform admin (from {@code UserRegistered} and {@code PlatformAdminChanged}). */
    void markPlatformAdmin(UserId userId, boolean platformAdmin) {
        jdbc.sql("UPDATE cmd_users SET platform_admin = ? WHERE user_id = ?")
                .params(platformAdmin, uuid(userId.value()))
                .update();
    }

    /** Every machine whose host exists (it has a Docker URL), for the reconciler. */
    public List<MachineRecord> withHosts() {
        return jdbc.sql("""
                        SELECT machine_id, team_id, name, driver, docker_url
                        FROM cmd_machines WHERE docker_url IS NOT NULL ORDER BY machine_id""")
                .query(this::machineRecord)
                .list();
    }

    @Override
    public Optional<MachineRecord> find(MachineId machineId) {
        return jdbc.sql("""
                        SELECT machine_id, team_id, name, driver, docker_url
                        FROM cmd_machines WHERE machine_id = ?""")
                .param(uuid(machineId.value()))
                .query(this::machineRecord)
                .optional();
    }

    /**
     * Reads the options of every machine of the team: they are in the creation events (V13), kept in memory once
     * read, and a removal of a credential is rare, so no copy of them is kept in a table for this.
     */
    @Override
    public List<String> machinesUsing(TeamId teamId, CloudCredentialName credential) {
        return jdbc.sql("SELECT machine_id, name FROM cmd_machines WHERE team_id = ? ORDER BY name")
                .param(uuid(teamId.value()))
                .query((rs, row) -> Map.entry(MachineId.of(rs.getString("machine_id")), rs.getString("name")))
                .list().stream()
                .filter(machine -> credential.value().equals(options.of(machine.getKey())
                        .get(CloudCredentialFields.MACHINE_OPTION)))
                .map(Map.Entry::getValue)
                .toList();
    }

    private MachineRecord machineRecord(ResultSet rs, int row) throws SQLException {
        var id = MachineId.of(rs.getString("machine_id"));
        return new MachineRecord(id, TeamId.of(rs.getString("team_id")), MachineName.of(rs.getString("name")),
                rs.getString("driver"), options.of(id), rs.getString("docker_url"), options.engineOptionsOf(id));
    }

    private Claim whichTaken(String table, String idColumn, String id) {
        var idTaken = exists("SELECT 1 FROM " + table + " WHERE " + idColumn + " = ?", uuid(id));
        return idTaken ? Claim.ID_TAKEN : Claim.NAME_TAKEN;
    }

    private boolean exists(String sql, Object param) {
        return jdbc.sql(sql).param(param).query((rs, row) -> true).optional().isPresent();
    }

    static UUID uuid(String value) {
        return UUID.fromString(value);
    }
}
