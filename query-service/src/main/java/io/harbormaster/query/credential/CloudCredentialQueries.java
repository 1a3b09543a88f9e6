package io.harbormaster.query.credential;

import io.harbormaster.api.credential.CloudCredentialFields;
import io.harbormaster.api.credential.CloudCredentialList;
import io.harbormaster.api.credential.CloudCredentialType;
import io.harbormaster.api.credential.CloudCredentialView;
import io.harbormaster.api.credential.FindCloudCredentialQuery;
import io.harbormaster.api.credential.FindCloudCredentialsQuery;
import io.harbormaster.api.team.TeamId;
import io.harbormaster.api.user.Caller;
import io.harbormaster.query.web.CallerAccess;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Answers the credential queries for anyone who may see the team (any role in it, or a platform admin); others get
 * null, like an unknown team. The machines using a credential come from the machine list ({@code rm_machine}): the
 * team's machines whose {@code amazonec2-credential} driver option names it.
 */
@Component
class CloudCredentialQueries {

    private static final String SELECT = """
            SELECT c.name, c.type, c.access_key_id_last4, c.role_arn, c.region, c.created_at, c.rotated_at,
                   c.secret_version,
                   ARRAY(SELECT m.name FROM rm_machine m
                         WHERE m.team_id = c.team_id AND m.driver_options ->> '%s' = c.name
                         ORDER BY m.name_sort_key, m.name) AS machines
            FROM rm_cloud_credential c
            WHERE c.team_id = :team AND c.removed_at IS NULL""".formatted(CloudCredentialFields.MACHINE_OPTION);

    private final JdbcClient jdbc;

    CloudCredentialQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @QueryHandler
    CloudCredentialList handle(FindCloudCredentialsQuery query) {
        if (!visible(query.teamId(), query.caller())) {
            return null;
        }
        return new CloudCredentialList(jdbc.sql(SELECT + " ORDER BY c.name")
                .param("team", CloudCredentialsProjection.uuid(query.teamId()))
                .query(CloudCredentialQueries::view)
                .list());
    }

    @QueryHandler
    CloudCredentialView handle(FindCloudCredentialQuery query) {
        if (!visible(query.teamId(), query.caller())) {
            return null;
        }
        return jdbc.sql(SELECT + " AND c.name = :name")
                .param("team", CloudCredentialsProjection.uuid(query.teamId()))
                .param("name", query.name().value())
                .query(CloudCredentialQueries::view)
                .optional()
                .orElse(null);
    }

    private boolean visible(TeamId team, Caller caller) {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM rm_team WHERE id = :id) AND " + CallerAccess.teamVisible(":id"))
                .param("id", CloudCredentialsProjection.uuid(team)).params(CallerAccess.params(caller))
                .query(Boolean.class).single();
    }

    private static CloudCredentialView view(ResultSet rs, int row) throws SQLException {
        var rotated = rs.getObject("rotated_at", OffsetDateTime.class);
        var machines = rs.getArray("machines");
        List<String> names = machines == null ? List.of() : Arrays.asList((String[]) machines.getArray());
        return new CloudCredentialView(rs.getString("name"), CloudCredentialType.of(rs.getString("type")),
                rs.getString("access_key_id_last4"), rs.getString("role_arn"), rs.getString("region"),
                instant(rs.getObject("created_at", OffsetDateTime.class)), rotated == null ? null : instant(rotated),
                rs.getLong("secret_version"), names);
    }

    private static Instant instant(OffsetDateTime at) {
        return at.toInstant();
    }
}
