package io.harbormaster.web.account;

import io.harbormaster.api.audit.AuditEntry;
import io.harbormaster.api.team.Memberships;
import io.harbormaster.api.user.UserSummary;
import java.util.List;
import org.springframework.context.annotation.Primary;
import org.springframework.stereotype.Component;

/** An account a test describes. */
@Component
@Primary
class FakeAccountService implements AccountService {

    volatile UserSummary account;
    volatile Memberships memberships;
    volatile List<AuditEntry> signIns = List.of();

    @Override
    public UserSummary account() {
        return account;
    }

    @Override
    public Memberships memberships() {
        return memberships;
    }

    @Override
    public List<AuditEntry> signIns(int size) {
        return signIns.subList(0, Math.min(size, signIns.size()));
    }
}
