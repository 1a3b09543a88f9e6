package io.harbormaster.query.audit;

import io.harbormaster.api.team.MemberAdded;
import io.harbormaster.api.team.MemberRemoved;
import io.harbormaster.api.team.MemberRoleChanged;
import io.harbormaster.api.team.TeamCreated;
import io.harbormaster.api.team.TeamId;
import io.harbormaster.api.user.ApiTokenIssued;
import io.harbormaster.api.user.ApiTokenRevoked;
import io.harbormaster.api.user.UserId;
import io.harbormaster.api.user.UserRegistered;
import java.util.Optional;

/**
 * Says what an event is about. Team events land in their team's log; user events (registration, API tokens) belong
 * to no team and are kept for the user's own trail. Events from outside the shared language are not described.
 */
final class AuditDescriber {

    private final AuditNames names;
    private final MachineEventDescriber machines;

    AuditDescriber(AuditNames names) {
        this.names = names;
        this.machines = new MachineEventDescriber(names);
    }

    Optional<Description> describe(Object event) {
        var machine = machines.describe(event);
        if (machine != null) {
            return Optional.of(machine);
        }
        return Optional.ofNullable(switch (event) {
            case TeamCreated e -> team(e.teamId(), "team created by " + names.user(e.createdBy()));
            case MemberAdded e -> team(e.teamId(), names.user(e.userId()) + " added as "
                    + MachineEventDescriber.lower(e.role()));
            case MemberRoleChanged e -> team(e.teamId(), names.user(e.userId()) + "'s role changed from "
                    + MachineEventDescriber.lower(e.previousRole()) + " to " + MachineEventDescriber.lower(e.role()));
            case MemberRemoved e -> team(e.teamId(), names.user(e.userId()) + " removed from the team");
            case UserRegistered e -> new Description(null, null, e.username().value(),
                    "registered" + (e.displayName() == null ? "" : " as " + e.displayName())
                            + (e.platformAdmin() ? ", platform admin" : ""));
            case ApiTokenIssued e -> user(e.userId(), "API token '" + e.name() + "' issued, expires " + e.expiresAt());
            case ApiTokenRevoked e -> user(e.userId(), "API token " + e.tokenId() + " revoked");
            default -> null;
        });
    }

    private Description team(TeamId team, String summary) {
        return new Description(team, null, names.team(team), summary);
    }

    private Description user(UserId user, String summary) {
        return new Description(null, null, names.user(user), summary);
    }
}
