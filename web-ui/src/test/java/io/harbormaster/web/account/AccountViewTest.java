package io.harbormaster.web.account;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import io.harbormaster.api.audit.AuditEntry;
import io.harbormaster.api.team.Memberships;
import io.harbormaster.api.team.TeamId;
import io.harbormaster.api.team.TeamRole;
import io.harbormaster.api.user.UserId;
import io.harbormaster.api.user.UserSummary;
import io.harbormaster.web.PortalTestApplication;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.test.context.support.WithMockUser;

@SpringBootTest(classes = PortalTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.MOCK)
@WithMockUser(PortalTestApplication.USER)
class AccountViewTest extends SpringBrowserlessTest {

    static final Instant T0 = Instant.parse("2026-12-01T08:00:00Z");

    @Autowired
    FakeAccountService accounts;

    @Test
    void theAccountPage_showsWhoYouAre_yourTeams_andYourSignInsRefusedOnesIncluded() {
        var ada = UserId.random();
        accounts.account = new UserSummary(ada, "ada", "Ada Lovelace", false, T0);
        accounts.memberships = new Memberships("Ada Lovelace",
                List.of(new Memberships.Membership(TeamId.random(), "ops", TeamRole.OWNER)));
        accounts.signIns = List.of(
                new AuditEntry("e2", T0.plusSeconds(60), null, null, "ada", "SignInFailed",
                        "sign-in with a password refused: wrong username or password", null, null, "ui", "10.1.1.9", "c2"),
                new AuditEntry("e1", T0, null, null, "ada", "UserSignedIn", "signed in with a password", ada.value(),
                        "ada", "ui", "10.1.1.8", "c1"));

        var view = navigate(AccountView.class);

        assertThat(view.who.getText()).isEqualTo("Ada Lovelace (ada)");
        assertThat(test(view.teams).getCellText(0, 0)).isEqualTo("ops");
        assertThat(test(view.teams).getCellText(0, 1)).isEqualTo("OWNER");
        assertThat(test(view.signIns).size()).isEqualTo(2);
        assertThat(test(view.signIns).getCellText(0, 1)).contains("refused");
        assertThat(test(view.signIns).getCellText(0, 2)).isEqualTo("10.1.1.9");
    }
}
