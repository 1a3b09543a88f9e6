package io.harbormaster.query.admin;

import static org.mockito.BDDMockito.given;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.harbormaster.query.web.QueryProblemsSlice;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

@WebMvcTest(ProjectionAdminController.class)
@ContextConfiguration(classes = {ProjectionAdminController.class, QueryProblemsSlice.class})
class ProjectionAdminControllerTest {

    @Autowired
    MockMvc mvc;

    @MockitoBean
    ProjectionRebuilder rebuilder;

    @Test
    void rebuild_isAcceptedAndNamesTheProcessorsReset() throws Exception {
        given(rebuilder.rebuildAll()).willReturn(ProjectionRebuilder.PROCESSING_GROUPS);

        mvc.perform(post("/api/admin/projections/rebuild"))
                .andExpect(status().isAccepted())
                .andExpect(jsonPath("$.processors[0]").value("machine-list"))
                .andExpect(jsonPath("$.processors.length()").value(4));
    }

    @Test
    void aRefusedRebuild_is409() throws Exception {
        given(rebuilder.rebuildAll()).willThrow(new IllegalStateException("A rebuild is already running"));

        mvc.perform(post("/api/admin/projections/rebuild"))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.type").value("https://harbormaster.dev/problems/rebuild-refused"));
    }

    @Test
    void status_showsEachProcessor() throws Exception {
        given(rebuilder.status()).willReturn(List.of(
                new ProjectionStatus("machine-list", true, true, false, true, 40L, 120L)));

        mvc.perform(get("/api/admin/projections"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].name").value("machine-list"))
                .andExpect(jsonPath("$[0].replaying").value(true))
                .andExpect(jsonPath("$[0].caughtUp").value(false))
                .andExpect(jsonPath("$[0].position").value(40));
    }

    @Test
    void rebuildProgress_showsEventsProcessedOfTheTotal_rateAndTimeLeft() throws Exception {
        given(rebuilder.rebuildProgress()).willReturn(new RebuildProgress("REPLAYING", 250_000, 1_000_000, 12_500.0,
                60L, 1, Instant.parse("2026-12-06T15:00:00Z"), null, null));

        mvc.perform(get("/api/admin/projections/rebuild"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.phase").value("REPLAYING"))
                .andExpect(jsonPath("$.eventsProcessed").value(250_000))
                .andExpect(jsonPath("$.eventsTotal").value(1_000_000))
                .andExpect(jsonPath("$.eventsPerSecond").value(12_500.0))
                .andExpect(jsonPath("$.etaSeconds").value(60))
                .andExpect(jsonPath("$.parkedEvents").value(1));
    }
}
