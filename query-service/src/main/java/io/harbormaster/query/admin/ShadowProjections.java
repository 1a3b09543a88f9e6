package io.harbormaster.query.admin;

import io.harbormaster.query.audit.AuditTrailProjection;
import io.harbormaster.query.credential.CloudCredentialsProjection;
import io.harbormaster.query.machine.MachineListProjection;
import io.harbormaster.query.team.TeamsProjection;
import io.harbormaster.query.user.UsersProjection;
import java.util.List;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The same projection classes the live processors run, as new instances over other rows: whatever {@code jdbc}
 * resolves {@code rm_*} to (the rebuild's connection resolves them to the shadow tables). Each handler keeps the
 * processing group of its class, whose dead-letter queue receives what it cannot apply. The audit trail remembers
 * the names it writes ({@link AuditTrailProjection#forRebuild}): the copies have no other writer.
 */
final class ShadowProjections {

    record Handler(String group, AnnotationEventHandlerAdapter adapter) {
    }

    private ShadowProjections() {
    }

    static List<Handler> over(JdbcClient jdbc) {
        return List.of(new MachineListProjection(jdbc), AuditTrailProjection.forRebuild(jdbc),
                        new TeamsProjection(jdbc), new CloudCredentialsProjection(jdbc), new UsersProjection(jdbc))
                .stream()
                .map(projection -> new Handler(projection.getClass().getAnnotation(ProcessingGroup.class).value(),
                        new AnnotationEventHandlerAdapter(projection)))
                .toList();
    }
}
