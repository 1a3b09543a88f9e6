package io.harbormaster.query.web;

import io.harbormaster.api.user.Caller;
import java.util.Map;
import java.util.UUID;

/**
 * What a {@link Caller} may see, as SQL predicates over the read models, so lists, counts and details filter in the
 * database. A machine is visible to platform admins, to anyone with a role in its team, to its holder, and to the
 * grantees of its shares (a user, or a team the caller has a role in). A team is visible to platform admins and its
 * members. Parameters are {@code :caller_id} and {@code :caller_admin} (see {@link #params}); a query without a
 * caller sees nothing.
 */
public final class CallerAccess {

    /** Nobody's id: used when a query comes without a caller, so every predicate is false. */
    private static final UUID NOBODY = new UUID(0, 0);

    private CallerAccess() {
    }

    public static Map<String, Object> params(Caller caller) {
        if (caller == null) {
            return Map.of("caller_id", NOBODY, "caller_admin", false);
        }
        return Map.of("caller_id", UUID.fromString(caller.userId().value()), "caller_admin", caller.platformAdmin());
    }

    /** The caller may see the machine whose {@code rm_machine} row is aliased {@code m}. */
    public static String machineVisible(String m) {
        return "(:caller_admin OR " + m + ".holder_id = :caller_id"
                + " OR EXISTS (SELECT 1 FROM rm_team_member cm WHERE cm.team_id = " + m + ".team_id"
                + " AND cm.user_id = :caller_id)"
                + " OR EXISTS (SELECT 1 FROM rm_machine_share cs WHERE cs.machine_id = " + m + ".id AND ("
                + "(cs.grantee_kind = 'USER' AND cs.grantee_id = :caller_id) OR (cs.grantee_kind = 'TEAM'"
                + " AND cs.grantee_id IN (SELECT ct.team_id FROM rm_team_member ct WHERE ct.user_id = :caller_id)))))";
    }

    /** The caller may see the team whose id is the SQL expression {@code teamId}. */
    public static String teamVisible(String teamId) {
        return "(:caller_admin OR EXISTS (SELECT 1 FROM rm_team_member cm WHERE cm.team_id = " + teamId
                + " AND cm.user_id = :caller_id))";
    }
}
