package io.harbormaster.web.machine;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Pre;
import io.harbormaster.api.audit.AuditEntry;
import io.harbormaster.api.machine.DriverOptions;
import io.harbormaster.api.machine.EngineOptions;
import io.harbormaster.api.machine.Grantee;
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

        var view = navigate(MachineView.class, id.value());

        var facts = $(com.vaadin.flow.component.html.Div.class).id("machine-facts").getElement().getTextRecursively();
        assertThat(facts).contains("Docker URL", "tcp://10.0.0.5:2376", "IP address", "10.0.0.5", "27.3.1", "alice",
                "AB:CD", "platform");
        assertThat($(com.vaadin.flow.component.html.Div.class).id("machine-driver-options").getElement()
                .getTextRecursively()).contains("address", "10.0.0.5", "sshUser", "root");
        assertThat($(com.vaadin.flow.component.html.Div.class).id("machine-shares").getElement()
                .getTextRecursively()).isEqualTo("user bob: viewer");
        assertThat($(Pre.class).id("machine-commands").getText()).contains("hm env web-1", "hm context web-1");
        var history = test(view.history);
        assertThat(history.size()).isEqualTo(1);
        assertThat(history.getCellText(0, 1)).isEqualTo("Provisioned: Docker Engine 27.3.1");
        assertThat(history.getCellText(0, 3)).isEqualTo("cli");
        assertThat(view.getPageTitle()).isEqualTo("web-1 · Machines");
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
