package io.harbormaster.query.audit;

import io.harbormaster.api.credential.CloudCredentialAdded;
import io.harbormaster.api.credential.CloudCredentialRemoved;
import io.harbormaster.api.credential.CloudCredentialRotated;
import io.harbormaster.api.network.NetworksChanged;
import io.harbormaster.api.team.MemberAdded;
import io.harbormaster.api.team.MemberRemoved;
import io.harbormaster.api.team.MemberRoleChanged;
import io.harbormaster.api.team.TeamCreated;
import io.harbormaster.api.team.TeamId;
import io.harbormaster.api.user.ApiTokenIssued;
import io.harbormaster.api.user.ApiTokenRevoked;
import io.harbormaster.api.user.PlatformAdminChanged;
import io.harbormaster.api.user.SignInFailed;
import io.harbormaster.api.user.SignInFailure;
import io.harbormaster.api.user.SignInMethod;
import io.harbormaster.api.user.UserId;
import io.harbormaster.api.user.UserRegistered;
import io.harbormaster.api.user.UserSignedIn;
import java.util.Optional;

/**
 * Says what an event is about. Team events land in their team's log; user events (registration, API tokens,
 * sign-ins and failed sign-ins) and changes of the platform's networks belong to no team and appear in the platform
 * audit log. Events from outside the shared language are not described.
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
            case CloudCredentialAdded e -> team(e.teamId(), "cloud credential '" + e.name() + "' added ("
                    + e.type().wireName() + ", access key …" + e.accessKeyIdLast4() + settings(e.roleArn(), e.region())
                    + ")");
            case CloudCredentialRotated e -> team(e.teamId(), "cloud credential '" + e.name() + "' rotated (access key …"
                    + e.accessKeyIdLast4() + settings(e.roleArn(), e.region()) + ", version " + e.secretVersion() + ")");
            case CloudCredentialRemoved e -> team(e.teamId(), "cloud credential '" + e.name() + "' removed");
            case UserRegistered e -> new Description(null, null, e.username().value(),
                    "registered" + (e.displayName() == null ? "" : " as " + e.displayName())
                            + (e.platformAdmin() ? ", platform admin" : ""));
            case ApiTokenIssued e -> user(e.userId(), "API token '" + e.name() + "' issued, expires " + e.expiresAt());
            case ApiTokenRevoked e -> user(e.userId(), "API token " + e.tokenId() + " revoked");
            case PlatformAdminChanged e -> user(e.userId(), e.platformAdmin() ? "granted the platform admin role"
                    : "platform admin role revoked");
            case UserSignedIn e -> new Description(null, null, e.username().value(),
                    "signed in " + method(e.method()));
            case NetworksChanged e -> new Description(null, null, "platform networks",
                    "allowed networks set to " + e.allow() + ", denied " + e.deny());
            case SignInFailed e -> new Description(null, null,
                    e.username() == null ? "unknown account" : e.username().value(),
                    "sign-in " + method(e.method()) + " refused: " + reason(e.reason()));
            default -> null;
        });
    }

    private Description team(TeamId team, String summary) {
        return new Description(team, null, names.team(team), summary);
    }

    private Description user(UserId user, String summary) {
        return new Description(null, null, names.user(user), summary);
    }

    private static String settings(String roleArn, String region) {
        return (roleArn == null ? "" : ", role " + roleArn) + (region == null ? "" : ", region " + region);
    }

    private static String method(SignInMethod method) {
        return switch (method) {
            case PASSWORD -> "with a password";
            case API_TOKEN -> "with an API token";
            case OIDC -> "through the identity provider";
        };
    }

    private static String reason(SignInFailure reason) {
        return switch (reason) {
            case BAD_CREDENTIALS -> "wrong password";
            case UNKNOWN_ACCOUNT -> "no such account";
            case ACCOUNT_DISABLED -> "account disabled or without a password";
            case INVALID_TOKEN -> "unknown, revoked or expired token";
            case PROVIDER_REFUSED -> "the identity provider's answer was refused";
        };
    }
}
