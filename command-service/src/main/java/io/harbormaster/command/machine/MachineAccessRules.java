package io.harbormaster.command.machine;

import io.harbormaster.api.machine.ShareRole;
import io.harbormaster.api.team.TeamRole;

/**
 * Who may do what with a machine: the whole rule book in one table, like {@link MachineTransitions}. A user's
 * {@link Standing} towards one machine (platform admin, role in the machine's team, holder, best share) decides
 * each {@link Right}: allowed, forbidden (they may see the machine, 403) or not found (they may not even see it,
 * 404 exactly like an unknown machine). The platform itself (processes, bootstrap) is never checked.
 */
final class MachineAccessRules {

    /** What a command needs. */
    enum Right {
        /** List, detail, history. */
        SEE("see it"),
        /** Start, stop, restart, kill. */
        OPERATE("an OWNER or MEMBER role in its team, being its holder, or a MEMBER share"),
        /** Use it from a workstation: env, config, client certificates (viewers never get key material). */
        USE("an OWNER or MEMBER role in its team, being its holder, or a MEMBER share"),
        /** Remove, share, unshare, hand off, rotate its CA. */
        MANAGE("the OWNER role in its team or being its holder"),
        /** Create a machine in a team. */
        CREATE("the OWNER or MEMBER role in the team");

        private final String needs;

        Right(String needs) {
            this.needs = needs;
        }

        /** For the 403 text: "that needs ..." */
        String needs() {
            return needs;
        }
    }

    enum Decision { ALLOW, FORBIDDEN, NOT_FOUND }

    /**
     * How a user stands towards one machine.
     *
     * @param teamRole the user's role in the machine's team, or null
     * @param share the best share the user has, directly or through one of their teams, or null
     */
    record Standing(boolean platformAdmin, TeamRole teamRole, boolean holder, ShareRole share) {
    }

    private MachineAccessRules() {
    }

    static Decision decide(Right right, Standing s) {
        if (s.platformAdmin()) {
            return Decision.ALLOW;
        }
        var sees = s.teamRole() != null || s.holder() || s.share() != null;
        if (right == Right.CREATE) {
            // creation has no machine yet: seeing means seeing the team
            return s.teamRole() == null ? Decision.NOT_FOUND
                    : allowIf(s.teamRole() == TeamRole.OWNER || s.teamRole() == TeamRole.MEMBER);
        }
        if (!sees) {
            return Decision.NOT_FOUND;
        }
        return switch (right) {
            case SEE -> Decision.ALLOW;
            case OPERATE, USE -> allowIf(s.teamRole() == TeamRole.OWNER || s.teamRole() == TeamRole.MEMBER || s.holder()
                    || s.share() == ShareRole.MEMBER);
            case MANAGE -> allowIf(s.teamRole() == TeamRole.OWNER || s.holder());
            case CREATE -> throw new IllegalStateException("handled above");
        };
    }

    /** The better of two shares (MEMBER over VIEWER); either may be null. */
    static ShareRole better(ShareRole a, ShareRole b) {
        if (a == null) {
            return b;
        }
        if (b == null) {
            return a;
        }
        return a == ShareRole.MEMBER || b == ShareRole.MEMBER ? ShareRole.MEMBER : ShareRole.VIEWER;
    }

    private static Decision allowIf(boolean allowed) {
        return allowed ? Decision.ALLOW : Decision.FORBIDDEN;
    }
}
