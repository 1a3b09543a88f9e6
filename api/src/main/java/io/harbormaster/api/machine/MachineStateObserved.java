package io.harbormaster.api.machine;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * The reconciler saw the machine in a state, or with a problem, different from the recorded one. {@code reason} says
 * what does not answer (e.g. "host 10.213.0.7:22 unreachable", "Docker Engine not answering on
 * tcp://10.213.0.7:2376") and {@code since} when the reconciler first saw it; both are null when the machine answers,
 * and in events stored before they existed.
 */
public record MachineStateObserved(MachineId machineId, MachineState previous, MachineState observed, String reason,
                                   Instant since) {

    private static final DateTimeFormatter SINCE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'")
            .withZone(ZoneOffset.UTC);

    /**
     * The reason as users read it, e.g. "host 10.213.0.7:22 unreachable since 2026-12-06 12:04:05 UTC"; null when
     * there is none.
     */
    public String reasonText() {
        if (reason == null) {
            return null;
        }
        return since == null ? reason : reason + " since " + SINCE.format(since);
    }

    /** An observation without a problem to report. */
    public MachineStateObserved(MachineId machineId, MachineState previous, MachineState observed) {
        this(machineId, previous, observed, null, null);
    }
}
