package io.harbormaster.api.machine;

import java.util.List;

/** The visible machines of one name, in team name order; more than one means the name is ambiguous. */
public record MachineNameMatches(List<MachineDetail> machines) {

    public MachineNameMatches {
        machines = List.copyOf(machines);
    }
}
