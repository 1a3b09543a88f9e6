package io.harbormaster.query.audit;

import static io.harbormaster.query.TestCallers.ADMIN;
import static io.harbormaster.query.TestCallers.CALLER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.matchesPattern;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.ArgumentMatchers.isNull;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.harbormaster.api.audit.AuditEntry;
import io.harbormaster.api.audit.AuditFilter;
import io.harbormaster.api.audit.AuditPage;
import io.harbormaster.api.audit.FindTeamAuditLogQuery;
import io.harbormaster.api.user.Caller;
import io.harbormaster.api.common.Channel;
import io.harbormaster.api.machine.MachineId;
import io.harbormaster.api.team.TeamId;
import io.harbormaster.query.web.QueryProblemsSlice;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.axonframework.messaging.responsetypes.ResponseType;
import org.axonframework.queryhandling.QueryGateway;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.http.HttpHeaders;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.json.JsonMapper;

@WebMvcTest({AuditController.class, AuditExportController.class})
@ContextConfiguration(classes = {AuditController.class, AuditExportController.class, QueryProblemsSlice.class})
class AuditExportControllerTest {

    static final TeamId TEAM = TeamId.of("11111111-1111-1111-1111-111111111111");
    static final MachineId MACHINE = MachineId.of("33333333-3333-3333-3333-333333333333");
    static final Instant AT = Instant.parse("2026-03-01T10:00:00Z");
    static final AuditEntry STARTED = new AuditEntry("e-2", AT.plusSeconds(60), TEAM, MACHINE, "web-1",
            "MachineStarted", "started", "system", "system", "reconciler", "", "c-1");
    static final AuditEntry SHARED = new AuditEntry("e-1", AT, TEAM, MACHINE, "web-1", "MachineShared",
            "shared with \"qa\", as viewer", "u-1", "=alice", "cli", "192.0.2.10", "c-0");

    @Autowired
    MockMvc mvc;

    @Autowired
    JsonMapper json;

    @MockitoBean
    QueryGateway gateway;

    @MockitoBean
    AuditQueries queries;

    @org.junit.jupiter.api.BeforeEach
    void callerSeesTheTeam() {
        given(queries.maySeeTeam(eq(TEAM), eq(ADMIN))).willReturn(true);
    }

    @Test
    void aTeamTheCallerCannotSee_isNotFoundLikeAnUnknownTeam() throws Exception {
        teamWithEntries(STARTED);
        var stranger = new Caller(io.harbormaster.api.user.UserId.random(), false);
        mvc.perform(get("/api/teams/{id}/audit/export", TEAM.value()).param("format", "csv")
                        .requestAttr(Caller.REQUEST_ATTRIBUTE, stranger))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.detail").value("No team with id " + TEAM.value()));
    }

    void teamWithEntries(AuditEntry... entries) {
        given(queries.teamName(TEAM)).willReturn(Optional.of("ops"));
        given(queries.countTeamLog(eq(TEAM), any(), anyLong())).willReturn((long) entries.length);
        given(queries.teamLogAfter(eq(TEAM), any(), isNull(), anyInt())).willReturn(List.of(entries));
    }

    @Test
    void csv_isAnAttachmentInRfc4180_withTheListsFilters() throws Exception {
        teamWithEntries(STARTED, SHARED);

        var body = mvc.perform(get("/api/teams/{id}/audit/export", TEAM.value())
                .requestAttr(CALLER, ADMIN).param("format", "csv")
                        .param("actor", "alice").param("channel", "CLI").param("action", "MachineShared")
                        .param("from", "2026-03-01T00:00:00Z").param("to", "2026-03-02T00:00:00Z"))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith("text/csv"))
                .andExpect(content().encoding(StandardCharsets.UTF_8))
                .andExpect(header().string(HttpHeaders.CONTENT_DISPOSITION,
                        matchesPattern("attachment; filename=\"audit-ops-\\d{8}T\\d{6}Z\\.csv\"")))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);

        assertThat(body).isEqualTo(AuditCsvWriter.HEADER + "\r\n"
                + "2026-03-01T10:01:00Z,MachineStarted,web-1,started,system,system,reconciler,,c-1,"
                + MACHINE.value() + ",e-2\r\n"
                + "2026-03-01T10:00:00Z,MachineShared,web-1,\"shared with \"\"qa\"\", as viewer\",u-1,'=alice,cli,"
                + "192.0.2.10,c-0," + MACHINE.value() + ",e-1\r\n");
        var filter = new AuditFilter("alice", Channel.CLI, "MachineShared", Instant.parse("2026-03-01T00:00:00Z"),
                Instant.parse("2026-03-02T00:00:00Z"));
        verify(queries).countTeamLog(TEAM, filter, AuditExport.MAX_ROWS + 1);
        verify(queries).teamLogAfter(TEAM, filter, null, AuditExport.CHUNK_SIZE);
    }

    @Test
    void json_isAnAttachment_whoseItemsAreTheListsItems() throws Exception {
        teamWithEntries(STARTED, SHARED);
        given(gateway.query(any(FindTeamAuditLogQuery.class), any(ResponseType.class)))
                .willReturn(CompletableFuture.completedFuture(new AuditPage(List.of(STARTED, SHARED), 0, 50, 2)));

        var exported = mvc.perform(get("/api/teams/{id}/audit/export", TEAM.value())
                .requestAttr(CALLER, ADMIN).param("format", "JSON"))
                .andExpect(status().isOk())
                .andExpect(content().contentType("application/json"))
                .andExpect(header().string(HttpHeaders.CONTENT_DISPOSITION,
                        matchesPattern("attachment; filename=\"audit-ops-\\d{8}T\\d{6}Z\\.json\"")))
                .andExpect(jsonPath("$[0].occurredAt").value("2026-03-01T10:01:00Z"))
                .andExpect(jsonPath("$[1].actorName").value("=alice"))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        var listed = mvc.perform(get("/api/teams/{id}/audit", TEAM.value()).requestAttr(CALLER, ADMIN))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);

        assertThat(json.readTree(exported)).isEqualTo(json.readTree(listed).get("items"));
    }

    @Test
    void anEmptyExport_isTheHeaderAlone() throws Exception {
        teamWithEntries();

        mvc.perform(get("/api/teams/{id}/audit/export", TEAM.value()).requestAttr(CALLER, ADMIN).param("format", "csv"))
                .andExpect(status().isOk())
                .andExpect(content().string(AuditCsvWriter.HEADER + "\r\n"));
        mvc.perform(get("/api/teams/{id}/audit/export", TEAM.value())
                .requestAttr(CALLER, ADMIN).param("format", "json"))
                .andExpect(status().isOk())
                .andExpect(content().string("[]"));
    }

    @Test
    void unknownTeam_is404() throws Exception {
        given(queries.teamName(TEAM)).willReturn(Optional.empty());

        mvc.perform(get("/api/teams/{id}/audit/export", TEAM.value()).requestAttr(CALLER, ADMIN).param("format", "csv"))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
                .andExpect(header().doesNotExist(HttpHeaders.CONTENT_DISPOSITION))
                .andExpect(jsonPath("$.type").value("https://harbormaster.dev/problems/not-found"))
                .andExpect(jsonPath("$.detail").value("No team with id " + TEAM.value()));
        verify(queries, never()).teamLogAfter(any(), any(), any(), anyInt());
    }

    @Test
    void tooManyEntries_is422AskingForANarrowerTimeRange_beforeAnythingIsWritten() throws Exception {
        given(queries.teamName(TEAM)).willReturn(Optional.of("ops"));
        given(queries.countTeamLog(eq(TEAM), any(), anyLong())).willReturn(AuditExport.MAX_ROWS + 1);

        mvc.perform(get("/api/teams/{id}/audit/export", TEAM.value()).requestAttr(CALLER, ADMIN).param("format", "csv"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
                .andExpect(header().doesNotExist(HttpHeaders.CONTENT_DISPOSITION))
                .andExpect(jsonPath("$.type").value("https://harbormaster.dev/problems/export-too-large"))
                .andExpect(jsonPath("$.limit").value(AuditExport.MAX_ROWS))
                .andExpect(jsonPath("$.detail").value(
                        "More than 100000 audit entries match; narrow the time range with 'from' and 'to' "
                                + "(ISO-8601 instants) and export it in parts"));
        verify(queries, never()).teamLogAfter(any(), any(), any(), anyInt());
    }

    @Test
    void badOrMissingFormat_is400ListingTheFormats() throws Exception {
        mvc.perform(get("/api/teams/{id}/audit/export", TEAM.value())
                .requestAttr(CALLER, ADMIN).param("format", "xlsx"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.parameter").value("format"))
                .andExpect(jsonPath("$.allowed", contains("csv", "json")))
                .andExpect(jsonPath("$.detail").value("format must be one of [csv, json]; got 'xlsx'"));
        mvc.perform(get("/api/teams/{id}/audit/export", TEAM.value()).requestAttr(CALLER, ADMIN))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.parameter").value("format"))
                .andExpect(jsonPath("$.allowed", contains("csv", "json")));
        verifyNoInteractions(queries);
    }

    @Test
    void badFilters_are400NamingTheParameter_asInTheList() throws Exception {
        mvc.perform(get("/api/teams/{id}/audit/export", TEAM.value())
                .requestAttr(CALLER, ADMIN).param("format", "csv").param("channel", "fax"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.parameter").value("channel"))
                .andExpect(jsonPath("$.allowed", contains("api", "ui", "cli", "reconciler", "system")));
        mvc.perform(get("/api/teams/{id}/audit/export", TEAM.value()).requestAttr(CALLER, ADMIN).param("format", "csv")
                        .param("from", "yesterday"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.parameter").value("from"));
        mvc.perform(get("/api/teams/{id}/audit/export", TEAM.value()).requestAttr(CALLER, ADMIN).param("format", "csv")
                        .param("from", "2026-03-02T00:00:00Z").param("to", "2026-03-01T00:00:00Z"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.parameter").value("from"));
        mvc.perform(get("/api/teams/{id}/audit/export", "ops").requestAttr(CALLER, ADMIN).param("format", "csv"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.parameter").value("id"));
        verifyNoInteractions(queries);
    }

    @Test
    void theFileName_fallsBackToTheTeamId_whenTheNameIsUnusable() {
        var controller = new AuditExportController(new AuditExport(queries, json, 1, 1),
                Clock.fixed(AT, ZoneOffset.UTC));

        assertThat(controller.fileName("ops", TEAM.value(), AuditExportFormat.CSV))
                .isEqualTo("audit-ops-20260301T100000Z.csv");
        assertThat(controller.fileName("a/b\"c", TEAM.value(), AuditExportFormat.JSON))
                .isEqualTo("audit-a_b_c-20260301T100000Z.json");
        assertThat(controller.fileName("..", TEAM.value(), AuditExportFormat.CSV))
                .isEqualTo("audit-" + TEAM.value() + "-20260301T100000Z.csv");
    }
}
