package io.harbormaster.command.process;

import io.harbormaster.api.machine.MachineId;

/**
 * Which replica carries out one request's driver work ({@code kind} of work for a machine under a correlation id).
 * Segments of the machine processes move between replicas (balancing, a replica dying), and the replica that claims
 * a segment resumes the operations left pending in it; a replica that let the segment go may still be carrying one
 * of them out. The claim makes sure only one of them calls the driver.
 */
public interface MachineWorkClaims {

    /** Whether this replica may carry the work out now: nobody else claimed it, or whoever did is gone. */
    boolean claim(MachineId machine, String kind, String correlationId);

    /** Whether another replica, live, is carrying the work out right now. */
    boolean claimedElsewhere(MachineId machine, String kind, String correlationId);

    /** The work reported its outcome (or gave up): the claim is not needed any more. */
    void release(MachineId machine, String kind, String correlationId);

    /** For a platform that runs as one process only (and for tests): always this one. */
    static MachineWorkClaims thisProcessOnly() {
        return new MachineWorkClaims() {
            @Override
            public boolean claim(MachineId machine, String kind, String correlationId) {
                return true;
            }

            @Override
            public boolean claimedElsewhere(MachineId machine, String kind, String correlationId) {
                return false;
            }

            @Override
            public void release(MachineId machine, String kind, String correlationId) {
            }
        };
    }
}
