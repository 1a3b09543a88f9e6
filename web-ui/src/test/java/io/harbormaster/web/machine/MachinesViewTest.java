package io.harbormaster.web.machine;

import static io.harbormaster.web.machine.Machines.machine;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import io.harbormaster.web.PortalTestApplication;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.test.context.support.WithMockUser;

@SpringBootTest(classes = PortalTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.MOCK)
@WithMockUser(PortalTestApplication.USER)
class MachinesViewTest extends SpringBrowserlessTest {

    @Autowired
    FakeMachineListService machines;

    @Autowired
    FakeMachineListUpdates updates;

    @Test
    void givenAnOpenList_whenAMachineIsCreatedElsewhere_thenItShowsWithoutAReload() {
        machines.answer(List.of(machine("web-1")));
        var view = navigate(MachinesView.class);
        assertThat(test(view.grid).size()).isEqualTo(1);

        var created = machine("web-2");
        machines.answer(List.of(machine("web-1"), created));
        updates.changed(created.id());
        roundTrip();

        assertThat(test(view.grid).size()).isEqualTo(2);
        assertThat(test(view.grid).getRow(1).name()).isEqualTo("web-2");
    }

    @Test
    void givenMachines_whenOpened_thenOneRowPerMachineWithItsColumns() {
        machines.answer(List.of(machine("web-1"), machine("db-1")));

        var view = navigate(MachinesView.class);
        var grid = test(view.grid);

        assertThat(grid.size()).isEqualTo(2);
        assertThat(java.util.stream.IntStream.range(0, 9).mapToObj(grid::getHeaderCell).toList())
                .containsExactly("Name", "State", "Driver", "URL", "Docker", "Holder", "Team", "Last error",
                        "Updated");
        assertThat(List.of(0, 2, 3, 4, 5, 6, 7, 8).stream().map(column -> grid.getCellText(0, column)).toList())
                .containsExactly("web-1", "generic", "tcp://10.0.0.5:2376", "27.3.1", "alice", "platform",
                        "engine not answering", "2026-01-02 03:04 UTC");
        var badge = (com.vaadin.flow.component.html.Span) grid.getCellComponent(0, "state");
        assertThat(badge.getText()).isEqualTo("Running");
        assertThat(badge.getElement().getAttribute("data-tone")).isEqualTo("serving");
        assertThat(grid.getCellText(1, 0)).isEqualTo("db-1");
    }

    @Test
    void givenMoreMachinesThanOnePage_whenScrolled_thenTheyArriveInPagesNotAllAtOnce() {
        machines.answer(Machines.numbered(120));

        var view = navigate(MachinesView.class);
        var grid = test(view.grid);

        assertThat(grid.size()).isEqualTo(120);
        assertThat(grid.getRow(0).name()).isEqualTo("m-000");
        assertThat(grid.getRow(119).name()).isEqualTo("m-119");
        assertThat(machines.pages).isNotEmpty()
                .allSatisfy(page -> assertThat(page.size()).isLessThanOrEqualTo(view.grid.getPageSize()));
    }

    @Test
    void givenNoMachines_whenOpened_thenTheGridSaysSo() {
        machines.answer(List.of());

        var view = navigate(MachinesView.class);

        assertThat(test(view.grid).size()).isZero();
        assertThat(view.grid.getEmptyStateText()).startsWith("No machines yet");
    }

    @Test
    void givenMachines_whenNoneMatchesTheFilters_thenTheGridSaysNoMachineMatches_notNoMachinesYet() {
        machines.answer(List.of(machine("web-1")));
        var view = navigate(MachinesView.class);

        test(view.filter).setValue("nothing-like-it");

        assertThat(test(view.grid).size()).isZero();
        assertThat(view.grid.getEmptyStateText()).isEqualTo(MachinesView.NO_MATCH_TEXT);
        test(view.filter).setValue("");
        assertThat(test(view.grid).size()).isEqualTo(1);
    }

    @Test
    void theStateDriverTeamAndHolderFiltersGoToTheQuerySide() {
        var bob = new io.harbormaster.api.team.TeamMember(io.harbormaster.api.user.UserId.random(), "bob", "Bob",
                io.harbormaster.api.team.TeamRole.MEMBER, Machines.UPDATED);
        var ops = new io.harbormaster.api.team.TeamDetail(Machines.TEAM, "platform", List.of(bob), Machines.UPDATED);
        machines.teams(List.of(ops));
        machines.answer(List.of(machine("web-1"), Machines.stopped("web-2")));
        var view = navigate(MachinesView.class);

        test(view.state).selectItem("Stopped");
        assertThat(test(view.grid).size()).isEqualTo(1);
        assertThat(test(view.grid).getRow(0).name()).isEqualTo("web-2");
        view.team.setValue(ops);
        view.holder.setValue(bob);
        test(view.driver).setValue("none");

        assertThat(test(view.grid).size()).isZero();
        var asked = machines.filters.getLast();
        assertThat(asked.state()).isEqualTo(io.harbormaster.api.machine.MachineState.Stopped);
        assertThat(asked.team()).isEqualTo(Machines.TEAM);
        assertThat(asked.holder()).isEqualTo(bob.userId());
        assertThat(asked.driver()).isEqualTo("none");
        assertThat(view.grid.getEmptyStateText()).isEqualTo(MachinesView.NO_MATCH_TEXT);
    }

    @Test
    void whenFilterTyped_thenTheServiceGetsTheTextAsALiteralContainsRegex() {
        machines.answer(List.of(machine("web.1"), machine("web-1"), machine("app-web.10"), machine("db-1")));
        var view = navigate(MachinesView.class);

        test(view.filter).setValue("web.1");

        var grid = test(view.grid);
        assertThat(grid.size()).isEqualTo(2);
        assertThat(List.of(grid.getRow(0).name(), grid.getRow(1).name())).containsExactly("web.1", "app-web.10");
        assertThat(machines.filters.getLast().nameRegex()).isEqualTo(".*web\\.1.*");
    }

    @Test
    void theElementsABrowserTestLooksForHaveTheirIds() {
        var view = navigate(MachinesView.class);

        assertThat(view.grid.getId()).contains("machines-grid");
        assertThat(view.filter.getId()).contains("machine-filter");
        assertThat(find(com.vaadin.flow.component.button.Button.class).id("logout")).isNotNull();
    }
}
