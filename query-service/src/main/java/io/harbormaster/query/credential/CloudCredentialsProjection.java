package io.harbormaster.query.credential;

import io.harbormaster.api.credential.CloudCredentialAdded;
import io.harbormaster.api.credential.CloudCredentialRemoved;
import io.harbormaster.api.credential.CloudCredentialRotated;
import io.harbormaster.api.team.TeamId;
import io.harbormaster.query.team.TeamsProjection;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Projects team cloud credentials into {@code rm_cloud_credential}. It belongs to the teams' processing group, as the
 * credentials are part of what a team shows; each row applies only events above its stored version (the sequence of
 * the credential's own aggregate), and a removal keeps the row as a tombstone, so redeliveries change nothing.
 */
@Component
@ProcessingGroup(TeamsProjection.PROCESSING_GROUP)
public class CloudCredentialsProjection {

    private final JdbcClient jdbc;

    public CloudCredentialsProjection(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A first addition, or an addition again under the name of a removed one: the row starts afresh. */
    @EventHandler
    void on(CloudCredentialAdded e, @SequenceNumber long seq, @Timestamp Instant at) {
        jdbc.sql("""
                INSERT INTO rm_cloud_credential (team_id, name, type, access_key_id_last4, role_arn, region,
                                                 created_at, rotated_at, secret_version, removed_at, version)
                VALUES (:team, :name, :type, :last4, :role, :region, :at, NULL, :secretVersion, NULL, :seq)
                ON CONFLICT (team_id, name) DO UPDATE SET type = excluded.type,
                    access_key_id_last4 = excluded.access_key_id_last4, role_arn = excluded.role_arn,
                    region = excluded.region, created_at = excluded.created_at, rotated_at = NULL,
                    secret_version = excluded.secret_version, removed_at = NULL, version = excluded.version
                WHERE rm_cloud_credential.version < excluded.version""")
                .param("team", uuid(e.teamId())).param("name", e.name().value()).param("type", e.type().wireName())
                .param("last4", e.accessKeyIdLast4()).param("role", e.roleArn()).param("region", e.region())
                .param("at", timestamp(at)).param("secretVersion", e.secretVersion()).param("seq", seq)
                .update();
    }

    @EventHandler
    void on(CloudCredentialRotated e, @SequenceNumber long seq, @Timestamp Instant at) {
        jdbc.sql("""
                UPDATE rm_cloud_credential SET access_key_id_last4 = :last4, role_arn = :role, region = :region,
                                               rotated_at = :at, secret_version = :secretVersion, version = :seq
                WHERE team_id = :team AND name = :name AND version < :seq""")
                .param("team", uuid(e.teamId())).param("name", e.name().value())
                .param("last4", e.accessKeyIdLast4()).param("role", e.roleArn()).param("region", e.region())
                .param("at", timestamp(at)).param("secretVersion", e.secretVersion()).param("seq", seq)
                .update();
    }

    @EventHandler
    void on(CloudCredentialRemoved e, @SequenceNumber long seq, @Timestamp Instant at) {
        jdbc.sql("""
                UPDATE rm_cloud_credential SET removed_at = :at, version = :seq
                WHERE team_id = :team AND name = :name AND version < :seq""")
                .param("team", uuid(e.teamId())).param("name", e.name().value())
                .param("at", timestamp(at)).param("seq", seq)
                .update();
    }

    @ResetHandler
    void reset() {
        jdbc.sql("TRUNCATE rm_cloud_credential").update();
    }

    static UUID uuid(TeamId id) {
        return UUID.fromString(id.value());
    }

    private static OffsetDateTime timestamp(Instant at) {
        return at.atOffset(ZoneOffset.UTC);
    }
}
