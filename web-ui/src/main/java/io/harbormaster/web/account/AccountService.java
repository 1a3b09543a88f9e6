package io.harbormaster.web.account;

import io.harbormaster.api.audit.AuditEntry;
import io.harbormaster.api.team.Memberships;
import io.harbormaster.api.user.UserSummary;
import java.util.List;

/** The signed-in user's own account: who they are, their teams, and their sign-ins. */
public interface AccountService {

    UserSummary account();

    Memberships memberships();

    /** The latest sign-ins to this account, successful and refused, newest first. */
    List<AuditEntry> signIns(int size);
}
