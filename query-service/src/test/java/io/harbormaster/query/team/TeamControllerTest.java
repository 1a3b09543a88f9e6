package io.harbormaster.query.team;

import static io.harbormaster.query.TestCallers.ADMIN;
import static io.harbormaster.query.TestCallers.CALLER;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.harbormaster.api.team.FindTeamQuery;
import io.harbormaster.api.team.FindTeamsQuery;
import io.harbormaster.api.team.TeamDetail;
import io.harbormaster.api.team.TeamId;
import io.harbormaster.api.team.TeamList;
import io.harbormaster.api.team.TeamMember;
import io.harbormaster.api.team.TeamRole;
import io.harbormaster.api.team.TeamSummary;
import io.harbormaster.api.user.UserId;
import io.harbormaster.query.web.QueryProblemsSlice;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.axonframework.messaging.responsetypes.ResponseType;
import org.axonframework.queryhandling.QueryGateway;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

@WebMvcTest(TeamController.class)
@ContextConfiguration(classes = {TeamController.class, QueryProblemsSlice.class})
class TeamControllerTest {

    static final TeamId TEAM = TeamId.of("11111111-1111-1111-1111-111111111111");
    static final Instant AT = Instant.parse("2026-03-01T10:00:00Z");

    @Autowired
    MockMvc mvc;

    @MockitoBean
    QueryGateway gateway;

    @Test
    void teams_areListedWithMemberCounts() throws Exception {
        given(gateway.query(any(FindTeamsQuery.class), any(ResponseType.class))).willReturn(
                CompletableFuture.completedFuture(new TeamList(List.of(new TeamSummary(TEAM, "ops", 3, AT)))));

        mvc.perform(get("/api/teams").requestAttr(CALLER, ADMIN))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.teams[0].name").value("ops"))
                .andExpect(jsonPath("$.teams[0].memberCount").value(3));
    }

    @Test
    void team_isShownWithMembers() throws Exception {
        var member = new TeamMember(UserId.random(), "alice", "Alice", TeamRole.OWNER, AT);
        given(gateway.query(any(FindTeamQuery.class), any(ResponseType.class))).willReturn(
                CompletableFuture.completedFuture(new TeamDetail(TEAM, "ops", List.of(member), AT)));

        mvc.perform(get("/api/teams/{id}", TEAM.value()).requestAttr(CALLER, ADMIN))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.members[0].username").value("alice"))
                .andExpect(jsonPath("$.members[0].role").value("OWNER"));
    }

    @Test
    void unknownTeam_is404() throws Exception {
        given(gateway.query(any(FindTeamQuery.class), any(ResponseType.class)))
                .willReturn(CompletableFuture.completedFuture(null));

        mvc.perform(get("/api/teams/{id}", TEAM.value()).requestAttr(CALLER, ADMIN))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.detail").value("No team with id " + TEAM.value()))
                .andExpect(jsonPath("$.type").value("https://harbormaster.dev/problems/not-found"));
    }

    @Test
    void malformedTeamId_is400() throws Exception {
        mvc.perform(get("/api/teams/{id}", "not-a-uuid").requestAttr(CALLER, ADMIN))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.parameter").value("id"));
    }
}
