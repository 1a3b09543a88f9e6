package io.harbormaster.query.machine;

import static io.harbormaster.query.TestCallers.ADMIN;
import static io.harbormaster.query.TestCallers.CALLER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.harbormaster.api.common.PageRequest;
import io.harbormaster.api.machine.DriverOptions;
import io.harbormaster.api.machine.FindMachineQuery;
import io.harbormaster.api.machine.FindMachinesQuery;
import io.harbormaster.api.machine.MachineDetail;
import io.harbormaster.api.machine.MachineFilter;
import io.harbormaster.api.machine.MachineId;
import io.harbormaster.api.machine.MachinePage;
import io.harbormaster.api.machine.MachineState;
import io.harbormaster.api.machine.MachineSummary;
import io.harbormaster.api.team.TeamId;
import io.harbormaster.api.user.UserId;
import io.harbormaster.query.web.QueryProblemsSlice;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.axonframework.messaging.responsetypes.ResponseType;
import org.axonframework.queryhandling.QueryExecutionException;
import org.axonframework.queryhandling.QueryGateway;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.http.MediaType;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

@WebMvcTest(MachineController.class)
@ContextConfiguration(classes = {MachineController.class, QueryProblemsSlice.class})
class MachineControllerTest {

    static final TeamId TEAM = TeamId.of("11111111-1111-1111-1111-111111111111");
    static final UserId HOLDER = UserId.of("22222222-2222-2222-2222-222222222222");
    static final MachineId ID = MachineId.of("33333333-3333-3333-3333-333333333333");
    static final Instant AT = Instant.parse("2026-03-01T10:00:00Z");

    @Autowired
    MockMvc mvc;

    @MockitoBean
    QueryGateway gateway;

    @Test
    void list_passesEveryFilterAndThePage() throws Exception {
        var summary = new MachineSummary(ID, TEAM, "ops", "web-1", "generic", MachineState.Running, HOLDER, "alice",
                "tcp://10.0.0.1:2376", AT, AT, null, "27.3.1", io.harbormaster.api.machine.EngineOptions.none());
        given(gateway.query(any(FindMachinesQuery.class), any(ResponseType.class)))
                .willReturn(CompletableFuture.completedFuture(new MachinePage(List.of(summary), 1, 20, 21)));

        mvc.perform(get("/api/machines")
                .requestAttr(CALLER, ADMIN).param("team", TEAM.value()).param("state", "running")
                        .param("driver", "generic").param("holder", HOLDER.value()).param("name", "web-.*")
                        .param("page", "1").param("size", "20"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items[0].name").value("web-1"))
                .andExpect(jsonPath("$.items[0].id").value(ID.value()))
                .andExpect(jsonPath("$.items[0].state").value("Running"))
                .andExpect(jsonPath("$.total").value(21));

        var query = ArgumentCaptor.forClass(Object.class);
        verify(gateway).query(query.capture(), any(ResponseType.class));
        assertThat(query.getValue()).isEqualTo(new FindMachinesQuery(
                new MachineFilter(TEAM, MachineState.Running, "generic", HOLDER, "web-.*"), new PageRequest(1, 20), ADMIN));
    }

    @Test
    void list_withoutParameters_asksForTheFirstPageOfEverything() throws Exception {
        given(gateway.query(any(FindMachinesQuery.class), any(ResponseType.class)))
                .willReturn(CompletableFuture.completedFuture(new MachinePage(List.of(), 0, 50, 0)));

        mvc.perform(get("/api/machines").requestAttr(CALLER, ADMIN).param("state", "")).andExpect(status().isOk());

        var query = ArgumentCaptor.forClass(Object.class);
        verify(gateway).query(query.capture(), any(ResponseType.class));
        assertThat(query.getValue()).isEqualTo(new FindMachinesQuery(MachineFilter.any(), PageRequest.first(), ADMIN));
    }

    @Test
    void badTeamId_is400NamingTheParameter() throws Exception {
        mvc.perform(get("/api/machines").requestAttr(CALLER, ADMIN).param("team", "ops"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("https://harbormaster.dev/problems/bad-parameter"))
                .andExpect(jsonPath("$.parameter").value("team"))
                .andExpect(jsonPath("$.status").value(400));
        verifyNoInteractions(gateway);
    }

    @Test
    void badState_is400ListingTheAllowedStates() throws Exception {
        mvc.perform(get("/api/machines").requestAttr(CALLER, ADMIN).param("state", "sleeping"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.parameter").value("state"))
                .andExpect(jsonPath("$.allowed", hasItem("Running")))
                .andExpect(jsonPath("$.detail").value(containsString("sleeping")));
    }

    @Test
    void badRegex_is400OnName() throws Exception {
        mvc.perform(get("/api/machines").requestAttr(CALLER, ADMIN).param("name", "web-("))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.parameter").value("name"));
    }

    @Test
    void aRegexOnlyPostgresqlRejects_is400OnName() throws Exception {
        var refused = new CompletableFuture<Object>();
        refused.completeExceptionally(new QueryExecutionException("failed",
                new IllegalArgumentException("name filter is not a valid PostgreSQL regular expression")));
        given(gateway.query(any(FindMachinesQuery.class), any(ResponseType.class))).willReturn(refused);

        mvc.perform(get("/api/machines").requestAttr(CALLER, ADMIN).param("name", "web\\p{L}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.parameter").value("name"));
    }

    @Test
    void badPageOrSize_is400NamingWhich() throws Exception {
        mvc.perform(get("/api/machines").requestAttr(CALLER, ADMIN).param("page", "-1"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.parameter").value("page"));
        mvc.perform(get("/api/machines").requestAttr(CALLER, ADMIN).param("size", "0"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.parameter").value("size"));
        mvc.perform(get("/api/machines").requestAttr(CALLER, ADMIN).param("size", "501"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.parameter").value("size"));
        mvc.perform(get("/api/machines").requestAttr(CALLER, ADMIN).param("page", "first"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.parameter").value("page"));
        verifyNoInteractions(gateway);
    }

    @Test
    void detail_carriesTheVersionAsETag() throws Exception {
        var detail = new MachineDetail(ID, TEAM, "ops", "web-1", "generic", DriverOptions.none(),
                MachineState.Running, HOLDER, "alice", "tcp://10.0.0.1:2376", null, List.of(), AT, AT, 7, "27.3.1", "10.0.0.1", null,
                null);
        given(gateway.query(any(FindMachineQuery.class), any(ResponseType.class)))
                .willReturn(CompletableFuture.completedFuture(detail));

        mvc.perform(get("/api/machines/{id}", ID.value()).requestAttr(CALLER, ADMIN))
                .andExpect(status().isOk())
                .andExpect(header().string("ETag", "\"7\""))
                .andExpect(jsonPath("$.version").value(7))
                .andExpect(jsonPath("$.holderName").value("alice"));
    }

    @Test
    void unknownMachine_is404() throws Exception {
        given(gateway.query(any(FindMachineQuery.class), any(ResponseType.class)))
                .willReturn(CompletableFuture.completedFuture(null));

        mvc.perform(get("/api/machines/{id}", ID.value()).requestAttr(CALLER, ADMIN))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.type").value("https://harbormaster.dev/problems/not-found"))
                .andExpect(jsonPath("$.detail").value("No machine with id " + ID.value()));
    }

    @Test
    void malformedMachineId_is400() throws Exception {
        mvc.perform(get("/api/machines/{id}", "web-1").requestAttr(CALLER, ADMIN))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.parameter").value("id"));
    }
}
