package io.harbormaster.query.machine;

import io.harbormaster.api.machine.FindFleetAsOfQuery;
import io.harbormaster.api.machine.FleetAsOf;
import io.harbormaster.api.user.UserId;
import io.harbormaster.query.web.CallerAccess;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Answers the fleet as it was at an instant: the team's machine events are replayed from the event store through
 * {@link MachineListProjection}'s own handlers into two transient lists, one stopped at the instant and one fed to
 * the end, so "then" and "now" come from the same events and the same rules as the live list, and nothing is kept.
 */
@Component
class FleetAsOfQueries {

    private final JdbcClient jdbc;
    private final TeamMachineEvents events;
    private final Clock clock;

    @Autowired
    FleetAsOfQueries(JdbcClient jdbc, TeamMachineEvents events) {
        this(jdbc, events, Clock.systemUTC());
    }

    FleetAsOfQueries(JdbcClient jdbc, TeamMachineEvents events, Clock clock) {
        this.jdbc = jdbc;
        this.events = events;
        this.clock = clock;
    }

    @QueryHandler
    FleetAsOf handle(FindFleetAsOfQuery query) {
        var params = new HashMap<String, Object>(CallerAccess.params(query.caller()));
        params.put("team", MachineRows.uuid(query.teamId().value()));
        var teamName = jdbc.sql("SELECT name FROM rm_team t WHERE t.id = :team AND "
                        + CallerAccess.teamVisible("t.id"))
                .params(params).query(String.class).optional();
        if (teamName.isEmpty()) {
            return null;
        }
        var now = clock.instant();
        var usernames = usernames();
        var teams = Map.of(query.teamId(), teamName.get());
        var then = new TransientMachineList(usernames, teams);
        var current = new TransientMachineList(usernames, teams);
        var intoThen = new AnnotationEventHandlerAdapter(new MachineListProjection(then));
        var intoNow = new AnnotationEventHandlerAdapter(new MachineListProjection(current));
        events.replay(query.teamId(), event -> {
            if (!event.getTimestamp().isAfter(query.at())) {
                apply(intoThen, event);
            }
            apply(intoNow, event);
        });
        return new FleetAsOf(query.teamId(), teamName.get(), query.at(), now, then.machines(),
                FleetDifference.between(then.machines(), current.machines()));
    }

    private Map<UserId, String> usernames() {
        var names = new HashMap<UserId, String>();
        jdbc.sql("SELECT user_id, username FROM rm_machine_user_name")
                .query(row -> {
                    names.put(UserId.of(row.getString("user_id")), row.getString("username"));
                });
        return names;
    }

    private static void apply(AnnotationEventHandlerAdapter handlers, EventMessage<?> event) {
        try {
            handlers.handle(event);
        } catch (Exception e) {
            throw new IllegalStateException("Replaying event " + event.getIdentifier() + " ("
                    + event.getPayloadType().getSimpleName() + ") into the fleet view failed", e);
        }
    }
}
