package io.harbormaster.command.process;


import io.harbormaster.api.machine.MachineId;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The pending-operation columns of {@code cmd_machines} (migration {@code V6}). {@link PendingOperationsRecorder} writes them
 * in the transaction that appends the request or outcome event, so they never disagree with the event store.
 */
@Component
public class JdbcPendingOperations implements PendingOperations, PendingOperationCheck {

    /** The column's width, which is also the longest correlation id the platform accepts from clients. */
    private static final int MAX_CORRELATION_ID = 64;

    private final JdbcClient jdbc;

    public JdbcPendingOperations(DataSource dataSource) {
        this.jdbc = JdbcClient.create(dataSource);
    }

    @Override
    public List<PendingOperation> pendingOperations() {
        return jdbc.sql("""
                        SELECT machine_id, pending_operation, pending_since, pending_correlation_id FROM cmd_machines
                        WHERE pending_operation IS NOT NULL
                        UNION ALL
                        SELECT machine_id, 'RENEW_CERTS', renewal_since, renewal_correlation_id FROM cmd_machines
                        WHERE renewal_since IS NOT NULL
                        ORDER BY 3""")
                .query(JdbcPendingOperations::pending)
                .list();
    }

    @Override
    public boolean isPending(MachineId machineId, MachineOperation operation) {
        var id = java.util.UUID.fromString(machineId.value());
        var query = operation == MachineOperation.RENEW_CERTS
                ? jdbc.sql("SELECT count(*) FROM cmd_machines WHERE machine_id = ? AND renewal_since IS NOT NULL")
                        .param(id)
                : jdbc.sql("SELECT count(*) FROM cmd_machines WHERE machine_id = ? AND pending_operation = ?")
                        .params(id, operation.name());
        return query.query(Long.class).single() > 0;
    }

    private static PendingOperation pending(ResultSet rs, int row) throws SQLException {
        return new PendingOperation(MachineId.of(rs.getString("machine_id")),
                MachineOperation.valueOf(rs.getString("pending_operation")),
                rs.getObject("pending_since", OffsetDateTime.class).toInstant(),
                rs.getString("pending_correlation_id"));
    }

    void begin(MachineId machineId, MachineOperation operation, Instant since, String correlationId) {
        var storedId = storable(correlationId);
        if (operation == MachineOperation.RENEW_CERTS) {
            jdbc.sql("UPDATE cmd_machines SET renewal_since = ?, renewal_correlation_id = ? WHERE machine_id = ?")
                    .params(since.atOffset(ZoneOffset.UTC), storedId, java.util.UUID.fromString(machineId.value()))
                    .update();
            return;
        }
        jdbc.sql("""
                        UPDATE cmd_machines SET pending_operation = ?, pending_since = ?, pending_correlation_id = ?
                        WHERE machine_id = ?""")
                .params(operation.name(), since.atOffset(ZoneOffset.UTC), storedId, java.util.UUID.fromString(machineId.value()))
                .update();
    }

    void endRenewal(MachineId machineId) {
        jdbc.sql("UPDATE cmd_machines SET renewal_since = NULL, renewal_correlation_id = NULL WHERE machine_id = ?")
                .param(java.util.UUID.fromString(machineId.value()))
                .update();
    }

    /** An over-long id from some other entry point is dropped rather than failing, and so rolling back, the command. */
    private static String storable(String correlationId) {
        return correlationId != null && correlationId.length() <= MAX_CORRELATION_ID ? correlationId : null;
    }

    /** Ends the driver operation the machine waited on. */
    void end(MachineId machineId) {
        jdbc.sql("""
                        UPDATE cmd_machines
                        SET pending_operation = NULL, pending_since = NULL, pending_correlation_id = NULL
                        WHERE machine_id = ?""")
                .param(java.util.UUID.fromString(machineId.value()))
                .update();
    }
}
