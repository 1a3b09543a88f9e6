package io.harbormaster.command.machine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.harbormaster.api.machine.MachineName;
import io.harbormaster.api.team.TeamId;
import io.harbormaster.api.user.UserId;
import io.harbormaster.command.web.WebSliceSupport;
import java.util.List;
import java.util.Map;
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
import org.springframework.test.web.servlet.ResultActions;

/**
 * {@code POST /api/machines/import} as HTTP: what the request becomes (the caller holds the machine, the engine
 * options and material pass as sent), how the answer reads (201 with the machine, 200 for a dry run), and how the
 * handler's refusals read. The checks themselves are {@link MachineImportTest}'s.
 */
@WebMvcTest
@ContextConfiguration(classes = {MachineImportController.class, WebSliceSupport.class})
class MachineImportControllerTest {

    private static final String TEAM = "9e4f6a51-0000-4000-8000-0000000000aa";
    private static final String KEY = "-----BEGIN RSA PRIVATE KEY-----\nMIIEkey-body-that-must-not-echo\n"
            + "-----END RSA PRIVATE KEY-----\n";

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
    void anImport_isCreatedAtTheMachine_heldByTheCaller_withWhatWasSent() throws Exception {
        answerWith(false);

        var response = importing(body(false))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.name").value("web"))
                .andExpect(jsonPath("$.driver").value("generic"))
                .andExpect(jsonPath("$.dockerUrl").value("tcp://10.0.0.7:2376"))
                .andExpect(jsonPath("$.importedDriver").value("generic"))
                .andExpect(jsonPath("$.notes[0]").value("label provider=generic left out"))
                .andExpect(jsonPath("$.dryRun").value(false))
                .andReturn().getResponse();

        var command = sent();
        assertThat(response.getHeader("Location")).isEqualTo("/api/machines/" + command.machineId());
        assertThat(command.teamId()).isEqualTo(TeamId.of(TEAM));
        assertThat(command.name()).isEqualTo(MachineName.of("web"));
        assertThat(command.holder()).isEqualTo(UserId.of(WebSliceSupport.ALICE));
        assertThat(command.dockerMachineDriver()).isEqualTo("generic");
        assertThat(command.driverSettings()).isEqualTo(Map.of("IPAddress", "10.0.0.7", "SSHUser", "root"));
        assertThat(command.engine().labels()).containsExactly("team=blue", "provider=generic");
        assertThat(command.engine().envNames()).containsExactly("HTTP_PROXY");
        assertThat(command.tls().caKey()).isEqualTo(KEY);
        assertThat(command.tls().serverCert()).as("blank means none").isNull();
        assertThat(command.sshKey().text()).isEqualTo(KEY);
        assertThat(command.workstation()).isEqualTo("alice-laptop");
        assertThat(command.storePath()).isEqualTo("/home/alice/.docker/machine");
        assertThat(command.dryRun()).isFalse();
        assertThat(command.toString()).doesNotContain("key-body-that-must-not-echo");
    }

    @Test
    void aDryRun_isOk_withoutAMachineId() throws Exception {
        answerWith(true);

        importing(body(true))
                .andExpect(status().isOk())
                .andExpect(header().doesNotExist("Location"))
                .andExpect(jsonPath("$.machineId").value(nullValue()))
                .andExpect(jsonPath("$.dryRun").value(true));
        assertThat(sent().dryRun()).isTrue();
    }

    @Test
    void withoutMaterial_itIsA400NamingTheField_andNothingIsSent() throws Exception {
        importing("""
                {"team":"%s","name":"web","driver":"generic","workstation":"w","storePath":"/s"}""".formatted(TEAM))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("tls"));
        verify(gateway, never()).sendAndWait(any(), anyLong(), any());
    }

    @Test
    void aBadName_isA400NamingIt() throws Exception {
        importing(body(false).replace("\"name\":\"web\"", "\"name\":\"-web\""))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("name"));
    }

    @Test
    void refusals_areProblemsThatNameThePart_andNeverEchoTheMaterial() throws Exception {
        when(gateway.sendAndWait(any(), anyLong(), any())).thenThrow(new MachineNotImportableException(
                "tls.serverKey", "is not the key of tls.serverCert (the two come from different certificates)"));
        importing(body(false))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.type").value("https://harbormaster.dev/problems/machine-not-importable"))
                .andExpect(jsonPath("$.detail").value("tls.serverKey: is not the key of tls.serverCert (the two come "
                        + "from different certificates)"))
                .andExpect(content().string(not(containsString("key-body"))));

        org.mockito.Mockito.doThrow(new MachineAlreadyManagedException("The Docker daemon at tcp://10.0.0.7:2376 is "
                + "already managed by this platform")).when(gateway).sendAndWait(any(), anyLong(), any());
        importing(body(false))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.type").value("https://harbormaster.dev/problems/machine-already-managed"));
    }

    private void answerWith(boolean dryRun) {
        when(gateway.sendAndWait(any(), anyLong(), any())).thenAnswer(invocation -> {
            var command = (ImportMachineCommand) invocation.getArgument(0);
            return new MachineImportOutcome(command.machineId(), command.name(), "generic", "tcp://10.0.0.7:2376",
                    "generic", List.of("label provider=generic left out"), dryRun);
        });
    }

    private ResultActions importing(String json) throws Exception {
        return mvc.perform(post("/api/machines/import").contentType(MediaType.APPLICATION_JSON).content(json));
    }

    private static String body(boolean dryRun) {
        var pem = KEY.replace("\n", "\\n");
        return """
                {"team":"%s","name":"web","driver":"generic",
                 "driverSettings":{"IPAddress":"10.0.0.7","SSHUser":"root"},
                 "engine":{"labels":["team=blue","provider=generic"],"envNames":["HTTP_PROXY"]},
                 "tls":{"caCert":"%s","caKey":"%s","serverCert":"","clientCert":"%s"},
                 "sshKey":"%s","workstation":"alice-laptop","storePath":"/home/alice/.docker/machine",
                 "dryRun":%s}""".formatted(TEAM, pem, pem, pem, pem, dryRun);
    }

    private ImportMachineCommand sent() {
        var captor = ArgumentCaptor.forClass(Object.class);
        verify(gateway).sendAndWait(captor.capture(), anyLong(), any());
        return (ImportMachineCommand) captor.getValue();
    }
}
