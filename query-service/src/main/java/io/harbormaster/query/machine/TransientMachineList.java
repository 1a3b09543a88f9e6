package io.harbormaster.query.machine;

import io.harbormaster.api.machine.DriverOptions;
import io.harbormaster.api.machine.EngineOptions;
import io.harbormaster.api.machine.Grantee;
import io.harbormaster.api.machine.MachineAsOf;
import io.harbormaster.api.machine.MachineCertificates;
import io.harbormaster.api.machine.MachineId;
import io.harbormaster.api.machine.MachineState;
import io.harbormaster.api.machine.ShareRole;
import io.harbormaster.api.team.TeamId;
import io.harbormaster.api.user.UserId;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * A machine list in memory, built by {@link MachineListProjection}'s own handlers from replayed events and thrown
 * away after one answer. It follows the rules of {@link MachineRows} (versions, tombstones), so a replay up to now
 * gives the list the read model shows.
 */
final class TransientMachineList implements MachineListRows {

    private final Map<MachineId, Row> rows = new HashMap<>();
    private final Set<MachineId> removed = new HashSet<>();
    private final Map<UserId, String> usernames;
    private final Map<TeamId, String> teamNames;

    /** With the names known now: users and teams are never renamed, so today's names are the names then. */
    TransientMachineList(Map<UserId, String> usernames, Map<TeamId, String> teamNames) {
        this.usernames = new HashMap<>(usernames);
        this.teamNames = new HashMap<>(teamNames);
    }

    /** The machines in natural name order, as the list shows them. */
    List<MachineAsOf> machines() {
        return rows.values().stream()
                .sorted(Comparator.comparing((Row row) -> NaturalSortKey.of(row.name)).thenComparing(row -> row.name)
                        .thenComparing(row -> row.id.value()))
                .map(Row::asOf)
                .toList();
    }

    String teamName(TeamId team) {
        return teamNames.get(team);
    }

    @Override
    public void insert(MachineId id, TeamId team, String name, String driver, DriverOptions options, UserId holder,
                       MachineState state, long seq, Instant at, EngineOptions engineOptions) {
        if (removed.contains(id) || rows.containsKey(id)) {
            return;
        }
        var row = new Row(id, name, driver, at);
        row.state = state;
        row.holder = holder;
        row.version = seq;
        row.updatedAt = at;
        rows.put(id, row);
    }

    @Override
    public void imported(MachineId id, long seq, String dockerUrl, MachineCertificates certificates) {
        var row = rows.get(id);
        if (row != null && row.version == seq) {
            row.dockerUrl = dockerUrl;
            row.caFingerprint = certificates == null ? null : certificates.caFingerprint();
        }
    }

    @Override
    public boolean touch(MachineId id, long seq, Instant at) {
        return advance(id, seq, at, row -> { });
    }

    @Override
    public boolean state(MachineId id, long seq, Instant at, MachineState state) {
        return advance(id, seq, at, row -> row.state = state);
    }

    @Override
    public boolean failed(MachineId id, long seq, Instant at, MachineState state, String error) {
        return advance(id, seq, at, row -> {
            row.state = state;
            row.lastError = error;
        });
    }

    @Override
    public boolean provisioned(MachineId id, long seq, Instant at, String dockerUrl, String dockerVersion) {
        return advance(id, seq, at, row -> {
            row.state = MachineState.Running;
            row.dockerUrl = dockerUrl;
            row.lastError = null;
            row.dockerVersion = dockerVersion;
        });
    }

    @Override
    public boolean dockerVersion(MachineId id, long seq, Instant at, String dockerVersion) {
        return advance(id, seq, at, row -> row.dockerVersion = dockerVersion);
    }

    @Override
    public boolean certificates(MachineId id, long seq, Instant at, MachineCertificates certificates) {
        return advance(id, seq, at, row -> row.caFingerprint = certificates.caFingerprint());
    }

    /** The as-of view lists no operating system: only the state changes. */
    @Override
    public boolean provisioningStarted(MachineId id, long seq, Instant at, String os) {
        return state(id, seq, at, MachineState.Provisioning);
    }

    @Override
    public boolean dockerUrl(MachineId id, long seq, Instant at, String dockerUrl) {
        return advance(id, seq, at, row -> row.dockerUrl = dockerUrl);
    }

    @Override
    public String dockerUrlOf(MachineId id) {
        var row = rows.get(id);
        return row == null ? null : row.dockerUrl;
    }

    @Override
    public boolean holder(MachineId id, long seq, Instant at, UserId holder) {
        return advance(id, seq, at, row -> row.holder = holder);
    }

    @Override
    public void share(MachineId id, Grantee grantee, ShareRole role) {
        // shares are not part of the view at an instant
    }

    @Override
    public void unshare(MachineId id, Grantee grantee) {
        // shares are not part of the view at an instant
    }

    @Override
    public void remove(MachineId id, long seq) {
        var row = rows.get(id);
        if (row != null && row.version < seq) {
            rows.remove(id);
        }
        removed.add(id);
    }

    @Override
    public void userName(UserId user, String username) {
        usernames.putIfAbsent(user, username);
    }

    @Override
    public void teamName(TeamId team, String name) {
        teamNames.putIfAbsent(team, name);
    }

    @Override
    public void truncate() {
        rows.clear();
        removed.clear();
    }

    private boolean advance(MachineId id, long seq, Instant at, Consumer<Row> change) {
        var row = rows.get(id);
        if (row == null || row.version >= seq) {
            return false;
        }
        change.accept(row);
        row.version = seq;
        row.updatedAt = at;
        return true;
    }

    private final class Row {
        private final MachineId id;
        private final String name;
        private final String driver;
        private final Instant createdAt;
        private MachineState state;
        private UserId holder;
        private String dockerUrl;
        private String caFingerprint;
        private String dockerVersion;
        private String lastError;
        private Instant updatedAt;
        private long version;

        private Row(MachineId id, String name, String driver, Instant createdAt) {
            this.id = id;
            this.name = name;
            this.driver = driver;
            this.createdAt = createdAt;
        }

        private MachineAsOf asOf() {
            return new MachineAsOf(id, name, driver, state, holder, holder == null ? null : usernames.get(holder),
                    dockerUrl, caFingerprint, dockerVersion, lastError, createdAt, updatedAt, version);
        }
    }
}
