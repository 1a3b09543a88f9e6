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

    @Autowired
    FakeTeamCloudCredentials credentials;

    @BeforeEach
    void opsWithAdaAndBob() {
        administration.teams.clear();
        administration.machineCounts.clear();
        credentials.reset();
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
    void anOwner_addsACloudCredential_whichIsListedWithoutItsSecret_andTheSecretFieldIsEmptiedAfterwards() {
        administration.me = ada;
        var view = navigate(TeamsView.class);
        var section = $(CloudCredentialsSection.class).single();

        test(section.name).setValue("aws-prod");
        test(section.accessKeyId).setValue("AKIAIOSFODNN7EXAMPLE");
        test(section.secret).setValue("wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY");
        test(section.region).setValue("eu-west-1");
        test(section.add).click();

        assertThat(credentials.sent).containsExactly("ADD aws-prod ...MPLE");
        assertThat(credentials.secretsSeen).containsExactly("wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY");
        assertThat(section.secret.getValue()).as("no secret stays in the page").isEmpty();
        var grid = test(section.grid);
        assertThat(grid.size()).isEqualTo(1);
        assertThat(grid.getCellText(0, 0)).isEqualTo("aws-prod");
        assertThat(grid.getCellText(0, 2)).isEqualTo("…MPLE");
        assertThat(grid.getCellText(0, 3)).isEqualTo("eu-west-1");
        assertThat(view.getElement().getOuterHTML()).doesNotContain("wJalrXUtnFEMI");
    }

    @Test
    void aBadAccessKeyId_isRefusedInWordsThatDoNotQuoteTheSecret_andNothingIsAdded() {
        administration.me = ada;
        navigate(TeamsView.class);
        var section = $(CloudCredentialsSection.class).single();

        test(section.name).setValue("aws-prod");
        test(section.accessKeyId).setValue("not-a-key");
        test(section.secret).setValue("some-secret-value");
        test(section.add).click();

        assertThat(credentials.sent).isEmpty();
        var message = $(com.vaadin.flow.component.notification.Notification.class).last().getElement().getProperty("text");
        assertThat(message).contains("access key id").doesNotContain("some-secret-value");
        assertThat(section.secret.getValue()).isEmpty();
    }

    @Test
    void aMember_seesTheTeamsCredentials_butCannotAddRotateOrRemoveThem() {
        administration.me = bob;
        credentials.credentials.put(ops, List.of(new io.harbormaster.api.credential.CloudCredentialView("aws-prod",
                io.harbormaster.api.credential.CloudCredentialType.of("aws"), "MPLE", null, "eu-west-1",
                FakeTeamAdministration.T0, null, 1, List.of("web-1"))));
        navigate(TeamsView.class);
        var section = $(CloudCredentialsSection.class).single();

        assertThat(test(section.grid).getCellText(0, 7)).isEqualTo("web-1");
        assertThat(section.add.isAttached()).isFalse();
        assertThat($(com.vaadin.flow.component.button.Button.class).withText("Remove").exists()).isFalse();
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
