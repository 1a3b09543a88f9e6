package io.harbormaster.command.team;

import static io.harbormaster.api.audit.AuditMetadata.ACTOR_ID;
import static io.harbormaster.command.refusal.InvalidCommandException.requirePresent;
import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import io.harbormaster.api.team.AddMemberCommand;
import io.harbormaster.api.team.ChangeMemberRoleCommand;
import io.harbormaster.api.team.CreateTeamCommand;
import io.harbormaster.api.team.MemberAdded;
import io.harbormaster.api.team.MemberRemoved;
import io.harbormaster.api.team.MemberRoleChanged;
import io.harbormaster.api.team.RemoveMemberCommand;
import io.harbormaster.api.team.TeamCreated;
import io.harbormaster.api.team.TeamId;
import io.harbormaster.api.team.TeamName;
import io.harbormaster.api.team.TeamRole;
import io.harbormaster.api.user.UserId;
import io.harbormaster.command.lookup.AccessDirectory;
import io.harbormaster.command.lookup.Actors;
import io.harbormaster.command.lookup.UserDirectory;
import io.harbormaster.command.refusal.ForbiddenException;
import io.harbormaster.command.refusal.NotVisibleException;
import io.harbormaster.command.refusal.ConflictException;
import io.harbormaster.command.refusal.NotFoundException;
import java.util.HashMap;
import java.util.Map;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * A team and its members. Adding someone with the role they already have, or changing a role to itself, is a
 * no-op; a team always keeps at least one owner, so demoting or removing the last one is refused.
 */
@Aggregate
class Team {

    @AggregateIdentifier
    private TeamId teamId;
    private TeamName name;
    private final Map<UserId, TeamRole> members = new HashMap<>();

    Team() {
        // for Axon, which rebuilds the team from its events
    }

    /** Creates the team with its first owner; {@link TeamCreationHandler} has claimed the name. */
    Team(CreateTeamCommand command) {
        apply(new TeamCreated(command.teamId(), command.name(), command.owner()));
        apply(new MemberAdded(command.teamId(), command.owner(), TeamRole.OWNER));
    }

    @CommandHandler
    void handle(AddMemberCommand command, UserDirectory users,
                @MetaDataValue(ACTOR_ID) String actorId, AccessDirectory access) {
        requireOwner(actorId, access, "add members");
        var user = requirePresent(command.userId(), "userId");
        var role = requirePresent(command.role(), "role");
        var current = members.get(user);
        if (current == role) {
            return;
        }
        if (current != null) {
            throw new ConflictException("already-a-member", "User " + user + " is already a member of team '" + name
                    + "' as " + current + ". Change their role instead of adding them again.");
        }
        if (!users.userExists(user)) {
            throw NotFoundException.user(user);
        }
        apply(new MemberAdded(teamId, user, role));
    }

    @CommandHandler
    void handle(ChangeMemberRoleCommand command, @MetaDataValue(ACTOR_ID) String actorId, AccessDirectory access) {
        requireOwner(actorId, access, "change member roles");
        var user = requirePresent(command.userId(), "userId");
        var role = requirePresent(command.role(), "role");
        var current = requireMember(user);
        if (current == role) {
            return;
        }
        requireAnotherOwner(user, current, "demoted");
        apply(new MemberRoleChanged(teamId, user, current, role));
    }

    @CommandHandler
    void handle(RemoveMemberCommand command, @MetaDataValue(ACTOR_ID) String actorId, AccessDirectory access) {
        requireOwner(actorId, access, "remove members");
        var user = requirePresent(command.userId(), "userId");
        var current = requireMember(user);
        requireAnotherOwner(user, current, "removed");
        apply(new MemberRemoved(teamId, user));
    }

    /**
     * Managing members needs the OWNER role (or a platform admin). Someone outside the team is answered like an
     * unknown team; the platform itself (no user as actor) is not checked.
     */
    private void requireOwner(String actorId, AccessDirectory access, String what) {
        var user = Actors.user(actorId);
        if (user.isEmpty() || access.isPlatformAdmin(user.get())) {
            return;
        }
        var role = members.get(user.get());
        if (role == null) {
            throw NotVisibleException.team(teamId);
        }
        if (role != TeamRole.OWNER) {
            throw new ForbiddenException("You are a " + role + " in team '" + name + "': to " + what
                    + " you need the OWNER role.");
        }
    }

    private TeamRole requireMember(UserId user) {
        var role = members.get(user);
        if (role == null) {
            throw new NotFoundException("member-not-found", "User " + user + " is not a member of team '" + name
                    + "'. Check the user id, or add them first.");
        }
        return role;
    }

    private void requireAnotherOwner(UserId user, TeamRole current, String what) {
        var owners = members.values().stream().filter(role -> role == TeamRole.OWNER).count();
        if (current == TeamRole.OWNER && owners == 1) {
            throw new ConflictException("last-owner", "User " + user + " is the last owner of team '" + name
                    + "' and cannot be " + what + ". Make another member an owner first.");
        }
    }

    @EventSourcingHandler
    void on(TeamCreated event) {
        teamId = event.teamId();
        name = event.name();
    }

    @EventSourcingHandler
    void on(MemberAdded event) {
        members.put(event.userId(), event.role());
    }

    @EventSourcingHandler
    void on(MemberRoleChanged event) {
        members.put(event.userId(), event.role());
    }

    @EventSourcingHandler
    void on(MemberRemoved event) {
        members.remove(event.userId());
    }
}
