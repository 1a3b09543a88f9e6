package io.harbormaster.web.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import io.harbormaster.api.audit.AuditEntry;
import io.harbormaster.api.common.Channel;
import io.harbormaster.api.machine.MachineId;
import io.harbormaster.api.team.TeamId;
import io.harbormaster.api.team.TeamSummary;
import io.harbormaster.web.PortalTestApplication;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.test.context.support.WithMockUser;

@SpringBootTest(classes = PortalTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.MOCK)
@WithMockUser(PortalTestApplication.USER)
class AuditViewTest extends SpringBrowserlessTest {

    static final TeamId OPS = TeamId.random();
    static final Instant T0 = Instant.parse("2026-11-30T09:00:00Z");

    @Autowired
    FakeAuditLogService log;

    @Test
    void theTeamsLogIsListedNewestFirstInPages_andTheFiltersGoToTheQuerySide() {
        log.teams = List.of(new TeamSummary(OPS, "ops", 2, T0));
        log.entries = IntStream.range(0, 120).mapToObj(i -> new AuditEntry("e" + i, T0.minusSeconds(i), OPS,
                MachineId.random(), "web-" + i, "MachineStopped", "Stopped", "u", i % 2 == 0 ? "ada" : "bob", "ui",
                "10.0.0.1", "c" + i)).toList();
        var view = navigate(AuditView.class);

        assertThat(test(view.entries).size()).isEqualTo(120);
        assertThat(test(view.entries).getCellText(0, 1)).isEqualTo("web-0");
        assertThat(test(view.entries).getCellText(0, 0)).isEqualTo("2026-11-30 09:00:00 UTC");

        test(view.actor).setValue("bob");
        test(view.channel).selectItem("UI");
        view.from.setValue(LocalDateTime.parse("2026-11-29T00:00:00"));

        assertThat(test(view.entries).size()).isEqualTo(60);
        var asked = log.filters.getLast();
        assertThat(asked.actor()).isEqualTo("bob");
        assertThat(asked.channel()).isEqualTo(Channel.UI);
        assertThat(asked.from()).isEqualTo(Instant.parse("2026-11-29T00:00:00Z"));
        assertThat(view.csv.getHref()).isNotBlank();
        assertThat(view.json.getHref()).isNotBlank();
    }

    @Test
    void aTimeRangeThatEndsBeforeItStarts_isMarkedAtItsEnd_andTheListStillAnswers() {
        log.teams = List.of(new TeamSummary(OPS, "ops", 2, T0));
        log.entries = List.of();
        var view = navigate(AuditView.class);

        view.from.setValue(LocalDateTime.parse("2026-11-29T00:00:00"));
        view.to.setValue(LocalDateTime.parse("2026-11-28T00:00:00"));

        assertThat(view.to.isInvalid()).isTrue();
        assertThat(view.to.getErrorMessage()).contains("after From");
        assertThat(test(view.entries).size()).isZero();
        assertThat(log.filters.getLast().to()).isNull();
        assertThat(log.filters.getLast().from()).isEqualTo(Instant.parse("2026-11-29T00:00:00Z"));
    }
}
