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

    @Test
    void givenMachines_whenOpened_thenOneRowPerMachineWithItsColumns() {
        machines.answer(List.of(machine("web-1"), machine("db-1")));

        var view = navigate(MachinesView.class);
        var grid = test(view.grid);

        assertThat(grid.size()).isEqualTo(2);
        assertThat(List.of(0, 1, 2, 3, 4, 5, 6).stream().map(grid::getHeaderCell).toList())
                .containsExactly("Name", "Team", "Driver", "State", "Holder", "URL", "Updated");
        assertThat(List.of(0, 1, 2, 3, 4, 5, 6).stream().map(column -> grid.getCellText(0, column)).toList())
                .containsExactly("web-1", "platform", "generic", "Running", "alice", "tcp://10.0.0.5:2376",
                        "2026-01-02 03:04 UTC");
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
        assertThat(view.grid.getEmptyStateText()).isEqualTo("No machines yet");
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
