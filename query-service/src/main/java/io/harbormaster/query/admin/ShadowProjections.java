package io.harbormaster.query.admin;

import io.harbormaster.query.audit.AuditTrailProjection;
import io.harbormaster.query.credential.CloudCredentialsProjection;
import io.harbormaster.query.machine.MachineListProjection;
import io.harbormaster.query.team.TeamsProjection;
import io.harbormaster.query.user.UsersProjection;
import java.util.List;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import javax.sql.DataSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The same projection classes the live processors run, as new instances over other rows: whatever {@code jdbc}
 * resolves {@code rm_*} to (the rebuild's connection resolves them to the shadow tables). Each handler keeps the
 * processing group of its class, whose dead-letter queue receives what it cannot apply. The audit trail remembers
 * the names it writes ({@link AuditTrailProjection#forRebuild}): the copies have no other writer.
 */
final class ShadowProjections {

    /**
     * A projection with its group. {@code flush} writes what it holds before a commit; {@code discard} forgets what it
     * holds and remembers after a rollback.
     */
    record Handler(String group, AnnotationEventHandlerAdapter adapter, Runnable flush, Runnable discard) {
    }

    private ShadowProjections() {
    }

    static List<Handler> over(DataSource connection) {
        var jdbc = JdbcClient.create(connection);
        var audit = AuditTrailProjection.forRebuild(jdbc, new NamedParameterJdbcTemplate(connection));
        return List.of(handler(new MachineListProjection(jdbc)), new Handler(AuditTrailProjection.PROCESSING_GROUP,
                        new AnnotationEventHandlerAdapter(audit), audit::flush, audit::discard),
                handler(new TeamsProjection(jdbc)), handler(new CloudCredentialsProjection(jdbc)),
                handler(new UsersProjection(jdbc)));
    }

    private static Handler handler(Object projection) {
        return new Handler(projection.getClass().getAnnotation(ProcessingGroup.class).value(),
                new AnnotationEventHandlerAdapter(projection), () -> { }, () -> { });
    }
}
