package io.harbormaster.web.machine;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Pre;
import io.harbormaster.api.audit.AuditEntry;
import io.harbormaster.api.machine.DriverOptions;
import io.harbormaster.api.machine.EngineOptions;
import io.harbormaster.api.machine.Grantee;
import io.harbormaster.api.machine.MachineActions;
import io.harbormaster.api.machine.MachineDetail;
import io.harbormaster.api.machine.MachineId;
import io.harbormaster.api.machine.MachineShare;
import io.harbormaster.api.machine.MachineState;
import io.harbormaster.api.machine.ShareRole;
import io.harbormaster.api.user.UserId;
import io.harbormaster.web.PortalTestApplication;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.test.context.support.WithMockUser;

@SpringBootTest(classes = PortalTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.MOCK)
@WithMockUser(PortalTestApplication.USER)
class MachineViewTest extends SpringBrowserlessTest {

    @Autowired
    FakeMachineListService machines;

    @Autowired
    FakeMachineOperations operations;

    @Autowired
    FakeMachineCreation creation;

    @org.junit.jupiter.api.BeforeEach
    void nothingAllowedYet() {
        operations.reset();
    }

    private MachineDetail running(String name, List<MachineShare> shares) {
        var detail = new MachineDetail(MachineId.random(), Machines.TEAM, "platform", name, "generic",
                DriverOptions.none(), MachineState.Running, Machines.ALICE, "alice", "tcp://10.0.0.5:2376", null,
                shares, Machines.UPDATED, Machines.UPDATED, 3, "27.3.1", "10.0.0.5", "AB:CD", EngineOptions.none());
        machines.detail(detail, List.of());
        return detail;
    }

    @Test
    void onlyTheActionsTheMachineAllows_areOffered() {
        operations.allowed = java.util.EnumSet.of(MachineActions.Action.STOP, MachineActions.Action.RESTART);
        var machine = running("web-1", List.of());

        navigate(MachineView.class, machine.id().value());

        var buttons = $(com.vaadin.flow.component.button.Button.class).from(
                $(com.vaadin.flow.component.orderedlayout.FlexLayout.class).id("machine-actions")).all();
        assertThat(buttons).extracting(com.vaadin.flow.component.button.Button::getText)
                .containsExactly("Stop", "Restart");
        test(buttons.getFirst()).click();
        assertThat(operations.sent).containsExactly("STOP " + machine.id().value());
    }

    @Test
    void removing_asksFirst_andSaysWhatIsLost() {
        operations.allowed = java.util.EnumSet.of(MachineActions.Action.REMOVE);
        var machine = running("web-1", List.of());
        navigate(MachineView.class, machine.id().value());

        test($(com.vaadin.flow.component.button.Button.class).id("action-remove")).click();

        assertThat(operations.sent).isEmpty();
        var confirm = $(com.vaadin.flow.component.confirmdialog.ConfirmDialog.class).id("confirm-remove");
        test(confirm).confirm();
        assertThat(operations.sent).containsExactly("REMOVE " + machine.id().value());
    }

    @Test
    void aRefusal_isShownInTheWriteSidesWords_andNothingElseHappens() {
        operations.allowed = java.util.EnumSet.of(MachineActions.Action.STOP);
        operations.refusal = new IllegalStateException("Machine 'web-1' is Stopping; wait until it is Stopped.");
        var machine = running("web-1", List.of());
        navigate(MachineView.class, machine.id().value());

        test($(com.vaadin.flow.component.button.Button.class).id("action-stop")).click();

        var notification = $(com.vaadin.flow.component.notification.Notification.class).last();
        assertThat(test(notification).getText()).contains("wait until it is Stopped");
    }

    @Test
    void handingOff_picksAMemberOtherThanTheHolder_andRevokesByDefault() {
        operations.allowed = java.util.EnumSet.of(MachineActions.Action.HAND_OFF);
        var bob = new io.harbormaster.api.team.TeamMember(UserId.random(), "bob", "Bob",
                io.harbormaster.api.team.TeamRole.MEMBER, Machines.UPDATED);
        var alice = new io.harbormaster.api.team.TeamMember(Machines.ALICE, "alice", "Alice",
                io.harbormaster.api.team.TeamRole.OWNER, Machines.UPDATED);
        operations.members = List.of(alice, bob);
        var machine = running("web-1", List.of());
        navigate(MachineView.class, machine.id().value());

        test($(com.vaadin.flow.component.button.Button.class).id("action-hand-off")).click();
        var dialog = $(HandOffDialog.class).single();
        assertThat(test(dialog.to).getSuggestions()).containsExactly("bob (member)");
        assertThat(dialog.revoke.getValue()).isTrue();
        test(dialog.to).selectItem("bob (member)");
        test(dialog.handOff).click();

        assertThat(operations.sent).containsExactly("HAND_OFF " + machine.id().value() + " to " + bob.userId().value()
                + " revoke=true");
    }

    @Test
    void sharing_offersTheUsersOtherTeamsAndTheirPeople_notTheMachinesOwnTeam() {
        operations.allowed = java.util.EnumSet.of(MachineActions.Action.SHARE, MachineActions.Action.UNSHARE);
        var alice = new io.harbormaster.api.team.TeamMember(Machines.ALICE, "alice", "Alice",
                io.harbormaster.api.team.TeamRole.OWNER, Machines.UPDATED);
        var dora = new io.harbormaster.api.team.TeamMember(UserId.random(), "dora", "Dora",
                io.harbormaster.api.team.TeamRole.MEMBER, Machines.UPDATED);
        var qa = io.harbormaster.api.team.TeamId.random();
        machines.teams(List.of(
                new io.harbormaster.api.team.TeamDetail(Machines.TEAM, "platform", List.of(alice), Machines.UPDATED),
                new io.harbormaster.api.team.TeamDetail(qa, "qa", List.of(alice, dora), Machines.UPDATED)));
        var eve = UserId.random();
        var machine = running("web-1", List.of(new MachineShare(Grantee.user(eve), "eve", ShareRole.MEMBER)));
        navigate(MachineView.class, machine.id().value());

        test($(com.vaadin.flow.component.button.Button.class).id("action-share")).click();
        var dialog = $(ShareDialog.class).single();
        assertThat(test(dialog.with).getSuggestions()).containsExactly("team qa", "dora");
        test(dialog.with).selectItem("dora");
        test(dialog.share).click();
        assertThat(operations.sent).containsExactly("SHARE " + machine.id().value() + " USER " + dora.userId().value()
                + " VIEWER");

        test($(com.vaadin.flow.component.button.Button.class).withText("Unshare").single()).click();
        assertThat(operations.sent).last().isEqualTo("UNSHARE " + machine.id().value() + " USER " + eve.value());
    }

    @Test
    void givenAMachine_whenItsPageOpens_thenItShowsWhereItIsWhoHasItItsSharesCommandsAndHistory() {
        var id = MachineId.random();
        var detail = new MachineDetail(id, Machines.TEAM, "platform", "web-1", "generic",
                DriverOptions.of(Map.of("address", "10.0.0.5", "sshUser", "root", "sshPort", "22")),
                MachineState.Running, Machines.ALICE, "alice", "tcp://10.0.0.5:2376", null,
                List.of(new MachineShare(Grantee.user(UserId.random()), "bob", ShareRole.VIEWER)),
                Machines.UPDATED.minusSeconds(60), Machines.UPDATED, 7, "27.3.1", "10.0.0.5", "AB:CD", EngineOptions.none());
        machines.detail(detail, List.of(new AuditEntry("e1", Machines.UPDATED, Machines.TEAM, id, "web-1",
                "MachineProvisioned", "Provisioned: Docker Engine 27.3.1", Machines.ALICE.value(), "alice", "cli",
                "10.1.2.3", "c1")));

        creation.publicKeys.put(id, "ssh-ed25519 AAAAC3Nza harbormaster\n");
        var view = navigate(MachineView.class, id.value());

        var facts = $(com.vaadin.flow.component.html.DescriptionList.class).id("machine-facts").getElement().getTextRecursively();
        assertThat(facts).contains("Docker URL", "tcp://10.0.0.5:2376", "IP address", "10.0.0.5", "27.3.1", "alice",
                "platform");
        assertThat($(com.vaadin.flow.component.html.DescriptionList.class).id("machine-certificates").getElement()
                .getTextRecursively()).contains("AB:CD");
        assertThat($(com.vaadin.flow.component.html.DescriptionList.class).id("machine-driver-options").getElement()
                .getTextRecursively()).contains("address", "10.0.0.5", "sshUser", "root");
        assertThat($(com.vaadin.flow.component.html.Div.class).id("machine-shares").getElement()
                .getTextRecursively()).isEqualTo("user bob: viewer");
        assertThat($(Pre.class).id("machine-commands").getText()).contains("hm ssh web-1", "hm context web-1");
        assertThat($(Pre.class).id("machine-env").getText()).contains("eval \"$(hm env web-1)\"",
                "hm env web-1 | source", "hm env --shell powershell web-1 | Invoke-Expression");
        assertThat($(Pre.class).id("machine-ssh-public-key").getText()).isEqualTo("ssh-ed25519 AAAAC3Nza harbormaster");
        var history = test(view.history);
        assertThat(history.size()).isEqualTo(1);
        assertThat(history.getCellText(0, 1)).isEqualTo("Provisioned: Docker Engine 27.3.1");
        assertThat(history.getCellText(0, 3)).isEqualTo("cli");
        assertThat(view.getPageTitle()).isEqualTo("web-1 · Machines");
    }

    @Test
    void theCertificatesSection_showsTheCaAndServerFingerprints_expiry_andNames_andTheFactsTheOs() {
        var id = MachineId.random();
        var expiry = java.time.Instant.now().plus(java.time.Duration.ofDays(400));
        var detail = new MachineDetail(id, Machines.TEAM, "platform", "web-1", "generic", DriverOptions.none(),
                MachineState.Running, Machines.ALICE, "alice", "tcp://10.0.0.5:2376", null, List.of(),
                Machines.UPDATED, Machines.UPDATED, 7, "27.3.1", "10.0.0.5", "AB:CD", EngineOptions.none(),
                "Debian GNU/Linux 12 (bookworm)", new io.harbormaster.api.machine.ServerCertificate("12:34", "0a1b",
                expiry, List.of("10.0.0.5", "web-1"), "ecdsa-p256"));
        machines.detail(detail, List.of());

        navigate(MachineView.class, id.value());

        assertThat($(com.vaadin.flow.component.html.DescriptionList.class).id("machine-facts").getElement()
                .getTextRecursively()).contains("Operating system", "Debian GNU/Linux 12 (bookworm)");
        assertThat($(com.vaadin.flow.component.html.DescriptionList.class).id("machine-certificates").getElement()
                .getTextRecursively()).contains("CA fingerprint (SHA-256)", "AB:CD", "Server fingerprint (SHA-256)",
                "12:34", "0a1b", "in 399 days", "10.0.0.5, web-1", "ecdsa-p256");
    }

    @Test
    void theDownloads_areOfferedToThoseWhoMayUseTheMachine_only() {
        var machine = running("web-1", List.of());
        navigate(MachineView.class, machine.id().value());
        assertThat($(com.vaadin.flow.component.html.Anchor.class).withId("machine-download-bundle-tar").exists())
                .as("a viewer gets no client certificate").isFalse();

        operations.allowed = java.util.EnumSet.of(MachineActions.Action.USE);
        navigate(MachineView.class, machine.id().value());
        assertThat($(com.vaadin.flow.component.html.Anchor.class).id("machine-download-bundle-zip").getText())
                .isEqualTo("Client bundle (.zip)");
        assertThat($(com.vaadin.flow.component.html.Anchor.class).id("machine-download-context").getText())
                .isEqualTo("docker context");
        assertThat($(Paragraph.class).id("machine-downloads-hint").getText())
                .contains("docker context import web-1 web-1.dockercontext");
    }

    @Test
    void aFailedProvisioning_saysWhereAndWhy_andProvisionAgainSendsTheCommand() {
        operations.allowed = java.util.EnumSet.of(MachineActions.Action.PROVISION);
        var id = MachineId.random();
        var detail = new MachineDetail(id, Machines.TEAM, "platform", "web-1", "generic", DriverOptions.none(),
                MachineState.Error, Machines.ALICE, "alice", null, "no answer", List.of(), Machines.UPDATED,
                Machines.UPDATED, 4, null, "10.0.0.5", null, EngineOptions.none());
        machines.detail(detail, List.of(
                history(id, "e3", 3, "ProvisioningFailed", "provisioning failed at verify: the daemon did not answer"),
                history(id, "e2", 2, "ProvisioningStepCompleted", "provisioning step 1/6 done: detect-os"),
                history(id, "e1", 1, "ProvisioningStarted", "provisioning started on Debian")));

        var view = navigate(MachineView.class, id.value());

        assertThat($(com.vaadin.flow.component.html.UnorderedList.class).id("machine-provisioning-steps").getElement()
                .getTextRecursively()).contains("✓ detect-os", "✗ verify");
        assertThat($(Paragraph.class).id("machine-provisioning-reason").getText())
                .isEqualTo("the daemon did not answer");
        var grouped = test(view.history);
        assertThat(grouped.size()).as("one line for the attempt, open, with its three entries").isEqualTo(4);
        assertThat(grouped.getCellText(0, 1)).isEqualTo("provisioning on Debian: failed at verify, 1/6 steps done");

        test($(com.vaadin.flow.component.button.Button.class).id("machine-provisioning-retry")).click();
        assertThat(operations.sent).containsExactly("PROVISION " + id.value());
    }

    @Test
    void aRunningProvisioning_showsTheStepsDoneAndTheOneRunning() {
        var id = MachineId.random();
        var detail = new MachineDetail(id, Machines.TEAM, "platform", "web-1", "generic", DriverOptions.none(),
                MachineState.Provisioning, Machines.ALICE, "alice", null, null, List.of(), Machines.UPDATED,
                Machines.UPDATED, 3, null, "10.0.0.5", null, EngineOptions.none());
        machines.detail(detail, List.of(
                history(id, "e2", 2, "ProvisioningStepCompleted", "provisioning step 1/6 done: detect-os"),
                history(id, "e1", 1, "ProvisioningStarted", "provisioning started on Debian")));

        navigate(MachineView.class, id.value());

        assertThat($(com.vaadin.flow.component.html.UnorderedList.class).id("machine-provisioning-steps").getElement()
                .getTextRecursively()).contains("✓ detect-os", "… step 2 of 6 running");
        assertThat($(com.vaadin.flow.component.button.Button.class).withId("machine-provisioning-retry").exists())
                .isFalse();
    }

    private static AuditEntry history(MachineId id, String eventId, int second, String action, String summary) {
        return new AuditEntry(eventId, Machines.UPDATED.plusSeconds(second), Machines.TEAM, id, "web-1", action,
                summary, Machines.ALICE.value(), "alice", "ui", "10.0.0.1", "c");
    }

    @Test
    void aMachineTheUserMayNotSee_readsLikeOneThatDoesNotExist() {
        navigate(MachineView.class, MachineId.random().value());

        assertThat($(Paragraph.class).id("machine-missing").getText()).contains("that you may see");
    }

    @Test
    void aMalformedIdReadsLikeAMissingMachine() {
        navigate(MachineView.class, "not-an-id");

        assertThat($(Paragraph.class).id("machine-missing").getText()).contains("not-an-id");
    }

    @Test
    void clickingARowOfTheListOpensTheMachinesPage() {
        var summary = Machines.machine("web-1");
        machines.answer(List.of(summary));
        machines.detail(new MachineDetail(summary.id(), Machines.TEAM, "platform", "web-1", "generic",
                DriverOptions.none(), MachineState.Running, Machines.ALICE, "alice", "tcp://10.0.0.5:2376", null,
                List.of(), Machines.UPDATED, Machines.UPDATED, 1, null, null, null, EngineOptions.none()), List.of());
        var list = navigate(MachinesView.class);

        test(list.grid).clickRow(0);

        assertThat(getCurrentView()).isInstanceOf(MachineView.class);
        assertThat(((MachineView) getCurrentView()).getPageTitle()).isEqualTo("web-1 · Machines");
    }
}
