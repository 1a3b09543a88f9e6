package io.harbormaster.command.team;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.harbormaster.api.team.AddMemberCommand;
import io.harbormaster.api.team.ChangeMemberRoleCommand;
import io.harbormaster.api.team.CreateTeamCommand;
import io.harbormaster.api.team.RemoveMemberCommand;
import io.harbormaster.api.team.TeamId;
import io.harbormaster.api.team.TeamName;
import io.harbormaster.api.team.TeamRole;
import io.harbormaster.api.user.UserId;
import io.harbormaster.command.refusal.ConflictException;
import io.harbormaster.command.web.WebSliceSupport;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.http.MediaType;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

@WebMvcTest
@ContextConfiguration(classes = {TeamCommandController.class, WebSliceSupport.class})
class TeamCommandControllerTest {

    private static final String TEAM = "5a1b2c3d-0000-4000-8000-0000000000aa";
    private static final String BOB = "5a1b2c3d-0000-4000-8000-000000000b0b";

    @Autowired
    private MockMvc mvc;

    @MockitoBean
    private CommandGateway gateway;

    @BeforeEach
    void actAsAlice() {
        WebSliceSupport.actAsAlice();
    }

    @AfterEach
    void clear() {
        WebSliceSupport.clear();
    }

    @Test
    void postTeam_isCreatedWithTheCallerAsOwner() throws Exception {
        var response = mvc.perform(post("/api/teams").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\":\"platform\"}"))
                .andExpect(status().isCreated())
                .andReturn().getResponse();
        var command = (CreateTeamCommand) sent();
        assertThat(command.name()).isEqualTo(TeamName.of("platform"));
        assertThat(command.owner()).isEqualTo(UserId.of(WebSliceSupport.ALICE));
        assertThat(response.getHeader("Location")).isEqualTo("/api/teams/" + command.teamId());
        assertThat(response.getContentAsString()).contains("\"teamId\":\"" + command.teamId() + "\"");
    }

    @Test
    void anOversizedTeamName_isA400NamingTheField() throws Exception {
        mvc.perform(post("/api/teams").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\":\"" + "t".repeat(64) + "\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentType("application/problem+json"))
                .andExpect(jsonPath("$.errors[0].field").value("name"));
    }

    @Test
    void aTakenTeamName_isA409() throws Exception {
        when(gateway.sendAndWait(any(), anyLong(), any())).thenThrow(new ConflictException("team-name-taken",
                "A team named 'platform' already exists. Choose another name."));
        mvc.perform(post("/api/teams").contentType(MediaType.APPLICATION_JSON).content("{\"name\":\"platform\"}"))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.type").value("https://harbormaster.dev/problems/team-name-taken"));
    }

    @Test
    void addMember_isOkWithTheMembership() throws Exception {
        mvc.perform(post("/api/teams/" + TEAM + "/members").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"userId\":\"" + BOB + "\",\"role\":\"MEMBER\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.role").value("MEMBER"));
        assertThat(sent()).isEqualTo(new AddMemberCommand(TeamId.of(TEAM), UserId.of(BOB), TeamRole.MEMBER));
    }

    @Test
    void addMemberWithAnUnknownRole_isA400ListingTheRoles() throws Exception {
        mvc.perform(post("/api/teams/" + TEAM + "/members").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"userId\":\"" + BOB + "\",\"role\":\"ADMIN\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("role"))
                .andExpect(jsonPath("$.detail").value(containsString("OWNER, MEMBER, VIEWER")));
    }

    @Test
    void changeRole_isOk() throws Exception {
        mvc.perform(put("/api/teams/" + TEAM + "/members/" + BOB).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"role\":\"owner\"}"))
                .andExpect(status().isOk());
        assertThat(sent()).isEqualTo(new ChangeMemberRoleCommand(TeamId.of(TEAM), UserId.of(BOB), TeamRole.OWNER));
    }

    @Test
    void demotingTheLastOwner_isA409() throws Exception {
        when(gateway.sendAndWait(any(), anyLong(), any())).thenThrow(new ConflictException("last-owner", "last"));
        mvc.perform(put("/api/teams/" + TEAM + "/members/" + BOB).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"role\":\"MEMBER\"}"))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.type").value("https://harbormaster.dev/problems/last-owner"));
    }

    @Test
    void removeMember_isNoContent() throws Exception {
        mvc.perform(delete("/api/teams/" + TEAM + "/members/" + BOB))
                .andExpect(status().isNoContent())
                .andExpect(header().doesNotExist("Location"));
        assertThat(sent()).isEqualTo(new RemoveMemberCommand(TeamId.of(TEAM), UserId.of(BOB)));
    }

    @Test
    void anInvalidUserIdInThePath_isA400() throws Exception {
        mvc.perform(delete("/api/teams/" + TEAM + "/members/bob"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("userId"));
    }

    private Object sent() {
        var captor = ArgumentCaptor.forClass(Object.class);
        verify(gateway).sendAndWait(captor.capture(), anyLong(), any());
        return captor.getValue();
    }
}
