package io.harbormaster.query.machine;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.harbormaster.api.machine.DriverOptions;
import io.harbormaster.api.machine.EngineOptions;
import io.harbormaster.api.machine.Grantee;
import io.harbormaster.api.machine.MachineDetail;
import io.harbormaster.api.machine.MachineId;
import io.harbormaster.api.machine.MachineShare;
import io.harbormaster.api.machine.MachineState;
import io.harbormaster.api.machine.MachineSummary;
import io.harbormaster.api.machine.ServerCertificate;
import io.harbormaster.api.machine.ShareRole;
import io.harbormaster.api.team.TeamId;
import io.harbormaster.api.user.UserId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

/** Turns rm_machine rows into the api records, so no row shape ever leaves this package. */
final class MachineRowMapper {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<Map<String, String>> OPTIONS = new TypeReference<>() { };

    private MachineRowMapper() {
    }

    static MachineSummary summary(ResultSet rs, int rowNum) throws SQLException {
        return new MachineSummary(
                MachineId.of(rs.getString("id")),
                TeamId.of(rs.getString("team_id")),
                rs.getString("team_name"),
                rs.getString("name"),
                rs.getString("driver"),
                MachineState.valueOf(rs.getString("state")),
                userId(rs.getString("holder_id")),
                rs.getString("holder_name"),
                rs.getString("docker_url"),
                instant(rs, "created_at"),
                instant(rs, "updated_at"),
                rs.getString("last_error"),
                rs.getString("docker_version"),
                engineOptions(rs.getString("engine_options")));
    }

    static MachineDetail detail(ResultSet rs, List<MachineShare> shares) throws SQLException {
        var driver = rs.getString("driver");
        var options = driverOptions(rs.getString("driver_options"));
        var dockerUrl = rs.getString("docker_url");
        return new MachineDetail(
                MachineId.of(rs.getString("id")),
                TeamId.of(rs.getString("team_id")),
                rs.getString("team_name"),
                rs.getString("name"),
                driver,
                options,
                MachineState.valueOf(rs.getString("state")),
                userId(rs.getString("holder_id")),
                rs.getString("holder_name"),
                dockerUrl,
                rs.getString("last_error"),
                shares,
                instant(rs, "created_at"),
                instant(rs, "updated_at"),
                rs.getLong("version"),
                rs.getString("docker_version"),
                DockerUrls.ipAddress(dockerUrl, driver, options.values()),
                rs.getString("ca_fingerprint"),
                engineOptions(rs.getString("engine_options")),
                rs.getString("os"),
                serverCertificate(rs));
    }

    /** Null while the machine has no certificates (no CertsRegenerated or import recorded any). */
    private static ServerCertificate serverCertificate(ResultSet rs) throws SQLException {
        var serial = rs.getString("server_serial");
        var notAfter = instant(rs, "server_not_after");
        if (serial == null && notAfter == null) {
            return null;
        }
        return new ServerCertificate(rs.getString("server_fingerprint"), serial, notAfter,
                names(rs.getString("server_names")), rs.getString("key_algorithm"));
    }

    private static List<String> names(String json) throws SQLException {
        try {
            return json == null ? List.of() : List.of(JSON.readValue(json, String[].class));
        } catch (JsonProcessingException e) {
            throw new SQLException("server_names is not a JSON array of strings", e);
        }
    }

    static MachineShare share(ResultSet rs, int rowNum) throws SQLException {
        return new MachineShare(
                new Grantee(Grantee.Kind.valueOf(rs.getString("grantee_kind")), rs.getString("grantee_id")),
                rs.getString("grantee_name"),
                ShareRole.valueOf(rs.getString("role")));
    }

    private static UserId userId(String value) {
        return value == null ? null : UserId.of(value);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        var value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    private static EngineOptions engineOptions(String json) throws SQLException {
        try {
            return json == null ? EngineOptions.none() : JSON.readValue(json, EngineOptions.class);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new SQLException("engine_options is not the JSON of engine options", e);
        }
    }

    private static DriverOptions driverOptions(String json) throws SQLException {
        try {
            return new DriverOptions(json == null ? Map.of() : JSON.readValue(json, OPTIONS));
        } catch (JsonProcessingException e) {
            throw new SQLException("driver_options is not a JSON object of strings", e);
        }
    }
}
