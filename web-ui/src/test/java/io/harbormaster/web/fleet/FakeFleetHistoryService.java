package io.harbormaster.web.fleet;

import io.harbormaster.api.machine.FleetAsOf;
import io.harbormaster.api.team.TeamId;
import io.harbormaster.api.team.TeamSummary;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.springframework.context.annotation.Primary;
import org.springframework.stereotype.Component;

/** Answers what a test gives it and records the instants asked for. */
@Component
@Primary
class FakeFleetHistoryService implements FleetHistoryService {

    volatile List<TeamSummary> teams = List.of();
    volatile FleetAsOf answer;
    final List<Instant> asked = new CopyOnWriteArrayList<>();

    @Override
    public List<TeamSummary> teams() {
        return teams;
    }

    @Override
    public Optional<FleetAsOf> asOf(TeamId team, Instant at) {
        asked.add(at);
        return Optional.ofNullable(answer);
    }
}
