package io.harbormaster.query.machine;

import io.harbormaster.api.machine.MachineCreated;
import io.harbormaster.api.machine.MachineImported;
import io.harbormaster.api.team.TeamId;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Every event of a team's machines, removed ones included, read straight from the event store in the order they
 * were stored. A machine belongs to the team its creation (or import) event names, and machines never change team,
 * so the event store alone says which aggregates to read: no read model is trusted for a view of the past.
 */
@Component
class TeamMachineEvents {

    private static final List<String> BIRTHS = List.of(MachineCreated.class.getName(),
            MachineImported.class.getName());

    private final JdbcClient jdbc;
    private final Serializer serializer;

    TeamMachineEvents(JdbcClient jdbc, @Qualifier("eventSerializer") Serializer serializer) {
        this.jdbc = jdbc;
        this.serializer = serializer;
    }

    /** Hands each event of the team's machines to {@code each}, in global order, without metadata. */
    void replay(TeamId team, Consumer<DomainEventMessage<?>> each) {
        jdbc.sql("""
                        SELECT e.type, e.aggregate_identifier, e.sequence_number, e.event_identifier, e.time_stamp,
                               e.payload_type, e.payload_revision, e.payload
                        FROM domain_event_entry e
                        WHERE e.aggregate_identifier IN (
                            SELECT b.aggregate_identifier FROM domain_event_entry b
                            WHERE b.payload_type IN (:births)
                              AND convert_from(b.payload, 'UTF8')::jsonb ->> 'teamId' = :team)
                        ORDER BY e.global_index""")
                .param("births", BIRTHS)
                .param("team", team.value())
                .query(row -> {
                    var payload = serializer.deserialize(new SimpleSerializedObject<>(row.getBytes("payload"),
                            byte[].class, row.getString("payload_type"), row.getString("payload_revision")));
                    each.accept(new GenericDomainEventMessage<>(row.getString("type"),
                            row.getString("aggregate_identifier"), row.getLong("sequence_number"), payload,
                            MetaData.emptyInstance(), row.getString("event_identifier"),
                            Instant.parse(row.getString("time_stamp"))));
                });
    }
}
