package io.harbormaster.web.machine;

import static org.assertj.core.api.Assertions.assertThat;

import io.harbormaster.api.common.PageRequest;
import io.harbormaster.api.machine.MachineFilter;
import io.harbormaster.api.machine.MachineSummary;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class PageWindowTest {

    private final FakeMachineListService service = new FakeMachineListService();

    @BeforeEach
    void hundredAndTwentyMachines() {
        service.answer(Machines.numbered(120));
    }

    @Test
    void anAlignedWindowIsOnePage() {
        var rows = PageWindow.fetch(service, MachineFilter.any(), 50, 50);

        assertThat(names(rows)).hasSize(50).startsWith("m-050").endsWith("m-099");
        assertThat(service.pages).containsExactly(new PageRequest(1, 50));
    }

    @Test
    void aWindowAcrossTwoPagesReadsBoth() {
        var rows = PageWindow.fetch(service, MachineFilter.any(), 30, 50);

        assertThat(names(rows)).hasSize(50).startsWith("m-030").endsWith("m-079");
        assertThat(service.pages).containsExactly(new PageRequest(0, 50), new PageRequest(1, 50));
    }

    @Test
    void theLastPageMayBeShort() {
        var rows = PageWindow.fetch(service, MachineFilter.any(), 100, 50);

        assertThat(names(rows)).hasSize(20).endsWith("m-119");
    }

    @Test
    void aWindowLargerThanTheBiggestPageIsReadInSeveral() {
        service.answer(Machines.numbered(1200));

        var rows = PageWindow.fetch(service, MachineFilter.any(), 0, 1000);

        assertThat(rows).hasSize(1000);
        assertThat(service.pages).allSatisfy(p -> assertThat(p.size()).isEqualTo(PageRequest.MAX_SIZE)).hasSize(2);
    }

    @Test
    void countAsksForTheTotalWithoutLoadingRows() {
        assertThat(PageWindow.count(service, MachineFilter.any())).isEqualTo(120);
        assertThat(service.pages).containsExactly(new PageRequest(0, 1));
    }

    private static List<String> names(List<MachineSummary> rows) {
        return rows.stream().map(MachineSummary::name).toList();
    }
}
