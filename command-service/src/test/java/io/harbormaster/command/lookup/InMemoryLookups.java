package io.harbormaster.command.lookup;

import io.harbormaster.api.machine.DriverOptions;
import io.harbormaster.api.machine.MachineId;
import io.harbormaster.api.machine.MachineName;
import io.harbormaster.api.team.TeamId;
import io.harbormaster.api.team.TeamName;
import io.harbormaster.api.team.TeamRole;
import io.harbormaster.api.user.UserId;
import io.harbormaster.api.user.Username;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** The lookups in memory, for aggregate and process tests; the real ones are tested against PostgreSQL. */
public class InMemoryLookups implements NameClaims, TeamDirectory, UserDirectory, MachineRecords, AccessDirectory,
        ManagedMachines, CloudCredentialUsers {

    private final Map<UserId, Username> users = new HashMap<>();
    private final Map<TeamId, String> teams = new HashMap<>();
    private final Map<TeamId, Map<UserId, TeamRole>> members = new HashMap<>();
    private final Map<MachineId, MachineRecord> machines = new HashMap<>();
    private final java.util.Set<UserId> admins = new java.util.HashSet<>();

    public InMemoryLookups withPlatformAdmin(UserId user) {
        withUser(user);
        admins.add(user);
        return this;
    }

    @Override
    public boolean isPlatformAdmin(UserId userId) {
        return admins.contains(userId);
    }

    @Override
    public Optional<String> teamName(TeamId teamId) {
        return Optional.ofNullable(teams.get(teamId));
    }

    @Override
    public long platformAdminCount() {
        return admins.size();
    }

    @Override
    public java.util.Set<TeamId> teamsOf(UserId userId) {
        var teamsOfUser = new java.util.HashSet<TeamId>();
        members.forEach((team, roles) -> {
            if (roles.containsKey(userId)) {
                teamsOfUser.add(team);
            }
        });
        return teamsOfUser;
    }

    @Override
    public java.util.List<String> machinesUsing(TeamId teamId,
                                                io.harbormaster.api.credential.CloudCredentialName credential) {
        return machines.values().stream()
                .filter(m -> m.teamId().equals(teamId) && credential.value().equals(m.options()
                        .get(io.harbormaster.api.credential.CloudCredentialFields.MACHINE_OPTION)))
                .map(m -> m.name().value()).sorted().toList();
    }

    public InMemoryLookups withUser(UserId user) {
        users.put(user, Username.of("u" + user.value().substring(0, 8)));
        return this;
    }

    public InMemoryLookups withTeam(TeamId team) {
        teams.put(team, "team-" + team.value().substring(0, 8));
        return this;
    }

    public InMemoryLookups withMember(TeamId team, UserId user, TeamRole role) {
        withUser(user);
        withTeam(team);
        members.computeIfAbsent(team, t -> new HashMap<>()).put(user, role);
        return this;
    }

    public InMemoryLookups withMachine(MachineRecord record) {
        machines.put(record.machineId(), record);
        return this;
    }

    @Override
    public Claim claimMachine(MachineId machineId, TeamId teamId, MachineName name, String driver) {
        if (machines.containsKey(machineId)) {
            return Claim.ID_TAKEN;
        }
        var taken = machines.values().stream().anyMatch(m -> m.teamId().equals(teamId)
                && m.name().value().equalsIgnoreCase(name.value()));
        if (taken) {
            return Claim.NAME_TAKEN;
        }
        machines.put(machineId, new MachineRecord(machineId, teamId, name, driver, DriverOptions.none(), null));
        return Claim.CLAIMED;
    }

    @Override
    public Claim claimTeam(TeamId teamId, TeamName name) {
        if (teams.containsKey(teamId)) {
            return Claim.ID_TAKEN;
        }
        if (teams.values().stream().anyMatch(n -> n.equalsIgnoreCase(name.value()))) {
            return Claim.NAME_TAKEN;
        }
        teams.put(teamId, name.value().toLowerCase(Locale.ROOT));
        return Claim.CLAIMED;
    }

    @Override
    public Claim claimUser(UserId userId, Username username) {
        if (users.containsKey(userId)) {
            return Claim.ID_TAKEN;
        }
        if (users.containsValue(username)) {
            return Claim.NAME_TAKEN;
        }
        users.put(userId, username);
        return Claim.CLAIMED;
    }

    @Override
    public boolean teamExists(TeamId teamId) {
        return teams.containsKey(teamId);
    }

    @Override
    public Optional<TeamRole> roleOf(TeamId teamId, UserId userId) {
        return Optional.ofNullable(members.getOrDefault(teamId, Map.of()).get(userId));
    }

    @Override
    public boolean userExists(UserId userId) {
        return users.containsKey(userId);
    }

    @Override
    public Optional<MachineRecord> find(MachineId machineId) {
        return Optional.ofNullable(machines.get(machineId));
    }

    @Override
    public Optional<ManagedMachine> atDockerUrl(String dockerUrl) {
        return machines.values().stream()
                .filter(machine -> machine.dockerUrl() != null && machine.dockerUrl().equalsIgnoreCase(dockerUrl))
                .map(machine -> new ManagedMachine(machine.machineId(), machine.teamId(), machine.name()))
                .findFirst();
    }

    @Override
    public boolean nameTaken(TeamId teamId, MachineName name) {
        return machines.values().stream().anyMatch(m -> m.teamId().equals(teamId)
                && m.name().value().equalsIgnoreCase(name.value()));
    }
}
