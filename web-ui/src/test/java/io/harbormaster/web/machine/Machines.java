package io.harbormaster.web.machine;

import io.harbormaster.api.machine.MachineId;
import io.harbormaster.api.machine.MachineState;
import io.harbormaster.api.machine.MachineSummary;
import io.harbormaster.api.team.TeamId;
import io.harbormaster.api.user.UserId;
import java.time.Instant;
import java.util.List;
import java.util.stream.IntStream;

/** Machine list rows for tests. */
final class Machines {

    static final TeamId TEAM = TeamId.random();
    static final UserId ALICE = UserId.random();
    static final Instant UPDATED = Instant.parse("2026-01-02T03:04:05Z");

    private Machines() {
    }

    static MachineSummary machine(String name) {
        return new MachineSummary(MachineId.random(), TEAM, "platform", name, "generic", MachineState.Running, ALICE,
                "alice", "tcp://10.0.0.5:2376", UPDATED.minusSeconds(3600), UPDATED, "engine not answering", "27.3.1",
                io.harbormaster.api.machine.EngineOptions.none());
    }

    static MachineSummary stopped(String name) {
        var m = machine(name);
        return new MachineSummary(m.id(), m.teamId(), m.teamName(), name, "none", MachineState.Stopped, m.holder(),
                m.holderName(), m.dockerUrl(), m.createdAt(), m.updatedAt(), null, null, m.engineOptions());
    }

    static List<MachineSummary> numbered(int count) {
        return IntStream.range(0, count).mapToObj(i -> machine("m-%03d".formatted(i))).toList();
    }
}
