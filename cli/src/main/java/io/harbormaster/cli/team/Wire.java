package io.harbormaster.cli.team;

import java.time.Instant;
import java.util.List;

/**
 * The server's answers the team's verbs read, as hm's own records: ids stay text and unknown fields are skipped, so
 * an older or newer server still works; {@code --format json} prints these with the server's field names.
 */
public final class Wire {

    private Wire() {
    }

    /** {@code GET /api/teams}: the caller's teams (a platform admin's: all). */
    public record TeamList(List<TeamSummary> teams) {

        public TeamList {
            teams = teams == null ? List.of() : List.copyOf(teams);
        }
    }

    public record TeamSummary(String id, String name, int memberCount, Instant createdAt) {
    }

    /** {@code GET /api/teams/{id}}. */
    public record TeamDetail(String id, String name, List<Member> members, Instant createdAt) {

        public TeamDetail {
            members = members == null ? List.of() : List.copyOf(members);
        }
    }

    /** {@code role} is OWNER, MEMBER or VIEWER. */
    public record Member(String userId, String username, String displayName, String role, Instant since) {
    }

    /** {@code GET /api/users}. */
    public record UserList(List<User> users) {

        public UserList {
            users = users == null ? List.of() : List.copyOf(users);
        }
    }

    public record User(String id, String username, String displayName, boolean platformAdmin, Instant registeredAt) {
    }

    /** One page of a machine's history or a team's audit log, newest first. */
    public record AuditPage(List<AuditEntry> items, int page, int size, long total) {

        public AuditPage {
            items = items == null ? List.of() : List.copyOf(items);
        }
    }

    /** One audit entry: {@code action} is the event's name, {@code summary} a readable line about it. */
    public record AuditEntry(String eventId, Instant occurredAt, String teamId, String machineId, String subject,
                             String action, String summary, String actorId, String actorName, String channel,
                             String clientAddress, String correlationId) {
    }

    /** How many items a paged listing has in all, read from any of its pages. */
    public record Total(long total) {
    }
}
