package io.harbormaster.command.user;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.harbormaster.api.user.RegisterUserCommand;
import io.harbormaster.api.user.Username;
import io.harbormaster.command.refusal.ConflictException;
import io.harbormaster.command.web.WebSliceSupport;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.http.MediaType;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

@WebMvcTest
@ContextConfiguration(classes = {UserCommandController.class, WebSliceSupport.class})
class UserCommandControllerTest {

    @Autowired
    private MockMvc mvc;

    @MockitoBean
    private CommandGateway gateway;

    @Test
    void postUser_isCreatedWithItsId() throws Exception {
        var response = register("{\"username\":\"bob\",\"displayName\":\"Bob Builder\",\"platformAdmin\":false}")
                .andExpect(status().isCreated())
                .andReturn().getResponse();
        var captor = ArgumentCaptor.forClass(RegisterUserCommand.class);
        verify(gateway).sendAndWait(captor.capture(), anyLong(), any());
        var command = captor.getValue();
        assertThat(command.username()).isEqualTo(Username.of("bob"));
        assertThat(command.displayName()).isEqualTo("Bob Builder");
        assertThat(response.getHeader("Location")).isEqualTo("/api/users/" + command.userId());
        assertThat(response.getContentAsString()).isEqualTo("{\"userId\":\"" + command.userId() + "\"}");
    }

    @Test
    void anOversizedDisplayName_isA400NamingTheField() throws Exception {
        register("{\"username\":\"bob\",\"displayName\":\"" + "b".repeat(201) + "\"}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("displayName"));
        verifyNoInteractions(gateway);
    }

    @Test
    void anUpperCaseUsername_isA400NamingTheField() throws Exception {
        register("{\"username\":\"Bob\",\"displayName\":\"Bob\"}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("username"));
    }

    @Test
    void aTakenUsername_isA409() throws Exception {
        when(gateway.sendAndWait(any(), anyLong(), any())).thenThrow(new ConflictException("username-taken", "taken"));
        register("{\"username\":\"bob\",\"displayName\":\"Bob\"}")
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.type").value("https://harbormaster.dev/problems/username-taken"))
                .andExpect(jsonPath("$.title").value("Username taken"));
    }

    private ResultActions register(String json) throws Exception {
        return mvc.perform(post("/api/users").contentType(MediaType.APPLICATION_JSON).content(json));
    }
}
