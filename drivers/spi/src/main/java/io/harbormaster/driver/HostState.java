package io.harbormaster.driver;

import io.harbormaster.api.machine.MachineState;

/**
 * The state a driver sees a host in, and what it cannot reach when that is why: {@code problem} names the address and
 * port that do not answer (e.g. "host 10.213.0.7:22 unreachable"), with no secret, for the machine's history. It is
 * null when the host answers.
 */
public record HostState(MachineState state, String problem) {

    public HostState {
        if (state == null) {
            throw new IllegalArgumentException("state is required");
        }
        problem = problem == null || problem.isBlank() ? null : problem.strip();
    }

    public static HostState of(MachineState state) {
        return new HostState(state, null);
    }

    /** The host does not answer: {@link MachineState#Error} with what did not answer. */
    public static HostState unreachable(String problem) {
        return new HostState(MachineState.Error, problem);
    }
}
