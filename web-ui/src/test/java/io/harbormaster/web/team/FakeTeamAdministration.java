package io.harbormaster.web.team;

import io.harbormaster.api.team.TeamDetail;
import io.harbormaster.api.team.TeamId;
import io.harbormaster.api.team.TeamMember;
import io.harbormaster.api.team.TeamRole;
import io.harbormaster.api.team.TeamSummary;
import io.harbormaster.api.user.UserId;
import io.harbormaster.api.user.UserSummary;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.springframework.context.annotation.Primary;
import org.springframework.stereotype.Component;

/** Teams held in memory that change as the commands say, and a record of the commands. */
@Component
@Primary
class FakeTeamAdministration implements TeamAdministration {

    static final Instant T0 = Instant.parse("2026-11-01T08:00:00Z");

    volatile UserSummary me;
    volatile List<UserSummary> users = List.of();
    final Map<TeamId, TeamDetail> teams = new ConcurrentHashMap<>();
    final List<String> sent = new CopyOnWriteArrayList<>();

    @Override
    public UserSummary me() {
        return me;
    }

    @Override
    public List<TeamSummary> teams() {
        return teams.values().stream().map(t -> new TeamSummary(t.id(), t.name(), t.members().size(), T0)).toList();
    }

    final Map<TeamId, Long> machineCounts = new ConcurrentHashMap<>();

    @Override
    public long machineCount(TeamId team) {
        return machineCounts.getOrDefault(team, 0L);
    }

    @Override
    public Optional<TeamDetail> team(TeamId team) {
        return Optional.ofNullable(teams.get(team));
    }

    @Override
    public List<UserSummary> users() {
        return users;
    }

    @Override
    public void addMember(TeamId team, UserId user, TeamRole role) {
        sent.add("ADD " + user.value() + " " + role);
        var detail = teams.get(team);
        var name = users.stream().filter(u -> u.id().equals(user)).findFirst().orElseThrow();
        var members = new ArrayList<>(detail.members());
        members.add(new TeamMember(user, name.username(), name.displayName(), role, T0));
        teams.put(team, new TeamDetail(team, detail.name(), members, T0));
    }

    @Override
    public void changeRole(TeamId team, UserId user, TeamRole role) {
        sent.add("ROLE " + user.value() + " " + role);
    }

    @Override
    public void removeMember(TeamId team, UserId user) {
        sent.add("REMOVE " + user.value());
    }

    @Override
    public TeamId createTeam(String name) {
        var id = TeamId.random();
        teams.put(id, new TeamDetail(id, name, List.of(new TeamMember(me.id(), me.username(), me.displayName(),
                TeamRole.OWNER, T0)), T0));
        sent.add("CREATE " + name);
        return id;
    }

    @Override
    public UserId registerUser(String username, String displayName, String password, boolean admin) {
        sent.add("REGISTER " + username + " " + displayName + " admin=" + admin + " password=" + password.length());
        return UserId.random();
    }

    @Override
    public void setPlatformAdmin(UserId user, boolean admin) {
        sent.add("ADMIN " + user.value() + " " + admin);
    }
}
