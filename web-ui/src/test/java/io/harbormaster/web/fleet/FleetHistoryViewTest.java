package io.harbormaster.web.fleet;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import io.harbormaster.api.machine.FleetAsOf;
import io.harbormaster.api.machine.FleetChange;
import io.harbormaster.api.machine.MachineAsOf;
import io.harbormaster.api.machine.MachineId;
import io.harbormaster.api.machine.MachineState;
import io.harbormaster.api.team.TeamId;
import io.harbormaster.api.team.TeamSummary;
import io.harbormaster.api.user.UserId;
import io.harbormaster.web.PortalTestApplication;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.test.context.support.WithMockUser;

@SpringBootTest(classes = PortalTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.MOCK)
@WithMockUser(PortalTestApplication.USER)
class FleetHistoryViewTest extends SpringBrowserlessTest {

    static final TeamId OPS = TeamId.random();
    static final Instant THEN = Instant.parse("2026-11-30T09:15:00Z");

    @Autowired
    FakeFleetHistoryService fleet;

    @Test
    void givenAMomentInThePast_whenShown_thenTheMachinesThenAndTheDifferencesToNowAreListed() {
        fleet.teams = List.of(new TeamSummary(OPS, "ops", 3, THEN));
        var web = MachineId.random();
        fleet.answer = new FleetAsOf(OPS, "ops", THEN, THEN.plusSeconds(86_400), List.of(
                new MachineAsOf(web, "web-1", "generic", MachineState.Running, UserId.random(), "ada",
                        "tcp://10.0.0.5:2376", "AB:CD:EF:01:23:45:67", "27.3.1", null, THEN, THEN, 4)),
                List.of(new FleetChange(web, "web-1", FleetChange.Kind.CHANGED,
                                List.of(new FleetChange.FieldChange("holder", "ada", "bob"))),
                        new FleetChange(MachineId.random(), "db-1", FleetChange.Kind.ADDED, List.of())));
        var view = navigate(FleetHistoryView.class);

        assertThat(view.team.getValue().name()).isEqualTo("ops");
        test(view.at).setValue(LocalDateTime.parse("2026-11-30T09:15:00"));
        test(view.show).click();

        assertThat(fleet.asked).containsExactly(THEN);
        assertThat(view.summary.getText()).startsWith("1 machine in ops at 2026-11-30 09:15:00Z; 2 differences");
        assertThat(test(view.machines).getCellText(0, 0)).isEqualTo("web-1");
        assertThat(test(view.machines).getCellText(0, 4)).isEqualTo("ada");
        assertThat(test(view.changes).getCellText(0, 2)).isEqualTo("holder: ada → bob");
        assertThat(test(view.changes).getCellText(1, 1)).isEqualTo("added since");
    }

    @Test
    void aMomentInTheFuture_isRefusedInWords_andNotAsked() {
        fleet.teams = List.of(new TeamSummary(OPS, "ops", 3, THEN));
        fleet.asked.clear();
        var view = navigate(FleetHistoryView.class);
        view.at.setMax(null);

        view.at.setValue(LocalDateTime.now().plusDays(2));
        test(view.show).click();

        assertThat(view.summary.getText()).contains("in the future");
        assertThat(fleet.asked).isEmpty();
    }
}
