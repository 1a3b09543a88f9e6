package io.harbormaster.query.machine;

import io.harbormaster.api.machine.DriverOptions;
import io.harbormaster.api.machine.EngineOptions;
import io.harbormaster.api.machine.Grantee;
import io.harbormaster.api.machine.MachineCertificates;
import io.harbormaster.api.machine.MachineId;
import io.harbormaster.api.machine.MachineState;
import io.harbormaster.api.machine.ShareRole;
import io.harbormaster.api.team.TeamId;
import io.harbormaster.api.user.UserId;
import java.time.Instant;

/**
 * What {@link MachineListProjection} does to the machine list, row by row. Two lists take these changes: the read
 * model in PostgreSQL ({@link MachineRows}) and a transient one in memory ({@link TransientMachineList}) that the
 * fleet-as-of view replays a team's events into, so both are made by the very same event handlers. A change applies
 * only when the event's sequence number is above the row's version, which makes redelivered events harmless; the
 * boolean answers say whether it applied.
 */
interface MachineListRows {

    /** A new machine row, unless it already exists or was removed (a redelivered creation must not revive it). */
    void insert(MachineId id, TeamId team, String name, String driver, DriverOptions options, UserId holder,
                MachineState state, long seq, Instant at, EngineOptions engineOptions);

    default void insert(MachineId id, TeamId team, String name, String driver, DriverOptions options, UserId holder,
                        MachineState state, long seq, Instant at) {
        insert(id, team, name, driver, options, holder, state, seq, at, EngineOptions.none());
    }

    /**
     * The Docker URL and CA an imported machine came with, set on the row its import event just inserted (version
     * {@code seq}); no provisioning follows an import to report them.
     */
    void imported(MachineId id, long seq, String dockerUrl, MachineCertificates certificates);

    /** Records that the event happened (version, updatedAt) without changing anything else. */
    boolean touch(MachineId id, long seq, Instant at);

    boolean state(MachineId id, long seq, Instant at, MachineState state);

    boolean failed(MachineId id, long seq, Instant at, MachineState state, String error);

    /**
     * Provisioned: a provisioning that succeeds resolves the failure that left the machine in Error, and the engine
     * it verified is the version from now on (null: unknown).
     */
    boolean provisioned(MachineId id, long seq, Instant at, String dockerUrl, String dockerVersion);

    boolean dockerVersion(MachineId id, long seq, Instant at, String dockerVersion);

    /** New TLS material: the CA's fingerprint and the server certificate's facts (the same CA again on a renewal). */
    boolean certificates(MachineId id, long seq, Instant at, MachineCertificates certificates);

    /** A provisioning began on a host running {@code os}. */
    boolean provisioningStarted(MachineId id, long seq, Instant at, String os);

    boolean dockerUrl(MachineId id, long seq, Instant at, String dockerUrl);

    String dockerUrlOf(MachineId id);

    boolean holder(MachineId id, long seq, Instant at, UserId holder);

    void share(MachineId id, Grantee grantee, ShareRole role);

    void unshare(MachineId id, Grantee grantee);

    /** Forgets the row for good: an older, redelivered event cannot bring it back. */
    void remove(MachineId id, long seq);

    /** Remembers a username and fills it into machines whose holder was recorded before the name was known. */
    void userName(UserId user, String username);

    /** Same as {@link #userName} for team names. */
    void teamName(TeamId team, String name);

    void truncate();
}
