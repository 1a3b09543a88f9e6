package io.harbormaster.web.team;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import io.harbormaster.api.team.TeamDetail;
import io.harbormaster.api.team.TeamId;
import io.harbormaster.api.team.TeamMember;
import io.harbormaster.api.team.TeamRole;
import io.harbormaster.api.user.UserId;
import io.harbormaster.api.user.UserSummary;
import io.harbormaster.web.PortalTestApplication;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.test.context.support.WithMockUser;

@SpringBootTest(classes = PortalTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.MOCK)
@WithMockUser(PortalTestApplication.USER)
class TeamsViewTest extends SpringBrowserlessTest {

    final UserSummary ada = new UserSummary(UserId.random(), "ada", "Ada", false, FakeTeamAdministration.T0);
    final UserSummary bob = new UserSummary(UserId.random(), "bob", "Bob", false, FakeTeamAdministration.T0);
    final UserSummary cy = new UserSummary(UserId.random(), "cy", "Cy", false, FakeTeamAdministration.T0);
    final TeamId ops = TeamId.random();

    @Autowired
    FakeTeamAdministration administration;

    @BeforeEach
    void opsWithAdaAndBob() {
        administration.teams.clear();
        administration.machineCounts.clear();
        administration.sent.clear();
        administration.users = List.of(ada, bob, cy);
        administration.teams.put(ops, new TeamDetail(ops, "ops", List.of(
                new TeamMember(ada.id(), "ada", "Ada", TeamRole.OWNER, FakeTeamAdministration.T0),
                new TeamMember(bob.id(), "bob", "Bob", TeamRole.MEMBER, FakeTeamAdministration.T0)),
                FakeTeamAdministration.T0));
    }

    @Test
    void anOwner_addsSomeoneNotInTheTeam_andSeesThemListed() {
        administration.me = ada;
        var view = navigate(TeamsView.class);

        assertThat(view.adding.isVisible()).isTrue();
        assertThat(test(view.members).size()).isEqualTo(2);
        assertThat(test(view.newMember).getSuggestions()).containsExactly("cy (Cy)");
        test(view.newMember).selectItem("cy (Cy)");
        test(view.add).click();

        assertThat(administration.sent).containsExactly("ADD " + cy.id().value() + " MEMBER");
        assertThat(test(view.members).size()).isEqualTo(3);
    }

    @Test
    void aMember_seesTheTeam_butNoControlsToManageIt() {
        administration.me = bob;
        var view = navigate(TeamsView.class);

        assertThat(test(view.members).size()).isEqualTo(2);
        assertThat(view.adding.isVisible()).isFalse();
        assertThat(test(view.members).getCellText(0, 2)).isEqualTo("OWNER");
        assertThat(view.users.isAttached()).isFalse();
    }

    @Test
    void theTeamsSettings_sayItsIdOwnersTheUsersRoleAndHowManyMachinesItHas() {
        administration.me = bob;
        administration.machineCounts.put(ops, 12L);
        var view = navigate(TeamsView.class);

        assertThat(view.settings.getElement().getTextRecursively()).contains("Name", "ops", "Id", ops.value(),
                "Owners", "ada", "Your role", "member", "Machines", "12");
    }

    @Test
    void anyoneMayStartATeam_whichTheyThenOwnAndSee() {
        administration.me = bob;
        var view = navigate(TeamsView.class);

        test(view.teamName).setValue("qa");
        test(view.createTeam).click();

        assertThat(administration.sent).containsExactly("CREATE qa");
        assertThat(view.team.getValue().name()).isEqualTo("qa");
        assertThat(view.adding.isVisible()).isTrue();
    }

    @Test
    void aPlatformAdmin_seesEveryUser_andWhoIsAnAdmin() {
        administration.me = new UserSummary(UserId.random(), "root", "Root", true, FakeTeamAdministration.T0);
        var view = navigate(TeamsView.class);

        assertThat(view.users.isAttached()).isTrue();
        assertThat(test(view.users).size()).isEqualTo(3);
        assertThat(view.adding.isVisible()).isTrue();

        test(view.newUsername).setValue("dana");
        test(view.newDisplayName).setValue("Dana");
        test(view.newPassword).setValue("a-long-enough-password");
        test(view.register).click();
        assertThat(administration.sent).containsExactly("REGISTER dana Dana admin=false password=22");
        assertThat(view.newPassword.getValue()).isEmpty();
    }
}
