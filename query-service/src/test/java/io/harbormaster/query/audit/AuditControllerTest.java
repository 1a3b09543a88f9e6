package io.harbormaster.query.audit;

import static io.harbormaster.query.TestCallers.ADMIN;
import static io.harbormaster.query.TestCallers.CALLER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.harbormaster.api.audit.AuditEntry;
import io.harbormaster.api.audit.AuditFilter;
import io.harbormaster.api.audit.AuditPage;
import io.harbormaster.api.audit.FindTeamAuditLogQuery;
import io.harbormaster.api.common.Channel;
import io.harbormaster.api.common.PageRequest;
import io.harbormaster.api.machine.FindMachineHistoryQuery;
import io.harbormaster.api.machine.MachineId;
import io.harbormaster.api.team.TeamId;
import io.harbormaster.query.web.QueryProblemsSlice;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.axonframework.messaging.responsetypes.ResponseType;
import org.axonframework.queryhandling.QueryGateway;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

@WebMvcTest(AuditController.class)
@ContextConfiguration(classes = {AuditController.class, QueryProblemsSlice.class})
class AuditControllerTest {

    static final TeamId TEAM = TeamId.of("11111111-1111-1111-1111-111111111111");
    static final MachineId MACHINE = MachineId.of("33333333-3333-3333-3333-333333333333");
    static final Instant AT = Instant.parse("2026-03-01T10:00:00Z");

    @Autowired
    MockMvc mvc;

    @MockitoBean
    QueryGateway gateway;

    AuditEntry entry() {
        return new AuditEntry("e-1", AT, TEAM, MACHINE, "web-1", "MachineStarted", "started", "system", "system",
                "reconciler", "", "c-1");
    }

    @Test
    void machineHistory_isPagedFromTheAuditTrail() throws Exception {
        given(gateway.query(any(FindMachineHistoryQuery.class), any(ResponseType.class)))
                .willReturn(CompletableFuture.completedFuture(new AuditPage(List.of(entry()), 2, 10, 21)));

        mvc.perform(get("/api/machines/{id}/history", MACHINE.value())
                .requestAttr(CALLER, ADMIN).param("page", "2").param("size", "10"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items[0].action").value("MachineStarted"))
                .andExpect(jsonPath("$.items[0].occurredAt").value("2026-03-01T10:00:00Z"))
                .andExpect(jsonPath("$.total").value(21));

        var query = ArgumentCaptor.forClass(Object.class);
        verify(gateway).query(query.capture(), any(ResponseType.class));
        assertThat(query.getValue()).isEqualTo(new FindMachineHistoryQuery(MACHINE, new PageRequest(2, 10), ADMIN));
    }

    @Test
    void anEmptyHistory_meansNoSuchMachine() throws Exception {
        given(gateway.query(any(FindMachineHistoryQuery.class), any(ResponseType.class)))
                .willReturn(CompletableFuture.completedFuture(new AuditPage(List.of(), 0, 50, 0)));

        mvc.perform(get("/api/machines/{id}/history", MACHINE.value()).requestAttr(CALLER, ADMIN))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.detail").value("No machine with id " + MACHINE.value()));
    }

    @Test
    void teamAudit_passesEveryFilter() throws Exception {
        given(gateway.query(any(FindTeamAuditLogQuery.class), any(ResponseType.class)))
                .willReturn(CompletableFuture.completedFuture(new AuditPage(List.of(entry()), 0, 50, 1)));

        mvc.perform(get("/api/teams/{id}/audit", TEAM.value())
                .requestAttr(CALLER, ADMIN).param("actor", "alice").param("channel", "CLI")
                        .param("action", "MachineHandedOff").param("from", "2026-03-01T00:00:00Z")
                        .param("to", "2026-03-02T00:00:00Z"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items[0].channel").value("reconciler"));

        var query = ArgumentCaptor.forClass(Object.class);
        verify(gateway).query(query.capture(), any(ResponseType.class));
        assertThat(query.getValue()).isEqualTo(new FindTeamAuditLogQuery(TEAM,
                new AuditFilter("alice", Channel.CLI, "MachineHandedOff", Instant.parse("2026-03-01T00:00:00Z"),
                        Instant.parse("2026-03-02T00:00:00Z")),
                PageRequest.first(), ADMIN));
    }

    @Test
    void badChannel_is400ListingTheChannels() throws Exception {
        mvc.perform(get("/api/teams/{id}/audit", TEAM.value()).requestAttr(CALLER, ADMIN).param("channel", "fax"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.parameter").value("channel"))
                .andExpect(jsonPath("$.allowed", contains("api", "ui", "cli", "reconciler", "system")));
        verifyNoInteractions(gateway);
    }

    @Test
    void badTimes_are400NamingTheParameter() throws Exception {
        mvc.perform(get("/api/teams/{id}/audit", TEAM.value()).requestAttr(CALLER, ADMIN).param("from", "yesterday"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.parameter").value("from"));
        mvc.perform(get("/api/teams/{id}/audit", TEAM.value()).requestAttr(CALLER, ADMIN).param("to", "2026-13-01"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.parameter").value("to"));
        mvc.perform(get("/api/teams/{id}/audit", TEAM.value()).requestAttr(CALLER, ADMIN)
                        .param("from", "2026-03-02T00:00:00Z").param("to", "2026-03-01T00:00:00Z"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.parameter").value("from"));
        verifyNoInteractions(gateway);
    }

    @Test
    void badTeamId_is400() throws Exception {
        mvc.perform(get("/api/teams/{id}/audit", "ops").requestAttr(CALLER, ADMIN))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.parameter").value("id"));
    }
}
