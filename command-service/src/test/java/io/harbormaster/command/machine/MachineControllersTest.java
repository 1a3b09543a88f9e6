package io.harbormaster.command.machine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.harbormaster.api.machine.CreateMachineCommand;
import io.harbormaster.api.machine.DriverOptions;
import io.harbormaster.api.machine.Grantee;
import io.harbormaster.api.machine.HandOffMachineCommand;
import io.harbormaster.api.machine.MachineId;
import io.harbormaster.api.machine.MachineName;
import io.harbormaster.api.machine.RemoveMachineCommand;
import io.harbormaster.api.machine.ShareMachineCommand;
import io.harbormaster.api.machine.ShareRole;
import io.harbormaster.api.machine.StopMachineCommand;
import io.harbormaster.api.machine.UnshareMachineCommand;
import io.harbormaster.api.team.TeamId;
import io.harbormaster.api.user.UserId;
import io.harbormaster.command.refusal.DriverOptionsRefusedException;
import io.harbormaster.command.driver.UnknownDriverException;
import io.harbormaster.command.refusal.NotFoundException;
import io.harbormaster.command.refusal.UnsupportedByDriverException;
import io.harbormaster.command.web.WebSliceSupport;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeoutException;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.ConflictingAggregateVersionException;
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

@WebMvcTest
@ContextConfiguration(classes = {MachineLifecycleController.class, MachineAccessController.class,
        WebSliceSupport.class})
class MachineControllersTest {

    private static final String TEAM = "9e4f6a51-0000-4000-8000-0000000000aa";
    private static final String ID = "9e4f6a51-0000-4000-8000-000000000001";
    private static final String PROBLEM = "application/problem+json";

    @Autowired
    private MockMvc mvc;

    @MockitoBean
    private CommandGateway gateway;

    @MockitoBean
    private RenewalOutcomes renewals;

    @BeforeEach
    void actAsAlice() {
        WebSliceSupport.actAsAlice();
    }

    @AfterEach
    void clear() {
        WebSliceSupport.clear();
    }

    @Test
    void postMachine_isAcceptedWithItsIdAndLocation_andHeldByTheCaller() throws Exception {
        var response = create(body("web-1", "none", "tcp://10.0.0.5:2376"))
                .andExpect(status().isAccepted())
                .andExpect(jsonPath("$.machineId").isString())
                .andReturn().getResponse();
        var command = sent(CreateMachineCommand.class);
        assertThat(response.getHeader("Location")).isEqualTo("/api/machines/" + command.machineId());
        assertThat(response.getContentAsString()).contains(command.machineId().value());
        assertThat(command).isEqualTo(new CreateMachineCommand(command.machineId(), TeamId.of(TEAM),
                MachineName.of("web-1"), "none", new DriverOptions(Map.of("url", "tcp://10.0.0.5:2376")),
                UserId.of(WebSliceSupport.ALICE)));
    }

    @Test
    void malformedJson_isA400ProblemSayingSo() throws Exception {
        create("{\"team\": ")
                .andExpect(status().isBadRequest())
                .andExpect(content().contentType(PROBLEM))
                .andExpect(jsonPath("$.type").value("https://harbormaster.dev/problems/malformed-request"))
                .andExpect(jsonPath("$.title").value("Malformed request"))
                .andExpect(jsonPath("$.status").value(400))
                .andExpect(jsonPath("$.detail").value(containsString("not a valid JSON object")))
                .andExpect(content().string(not(containsString("Exception"))));
    }

    @Test
    void aWrongTypeInJson_namesTheField() throws Exception {
        create("{\"team\":\"" + TEAM + "\",\"name\":\"web-1\",\"driver\":\"none\",\"driverOptions\":[1]}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("driverOptions"));
    }

    @Test
    void anObjectForAName_isRefusedInJsonWords() throws Exception {
        // scalars are not coerced either, but that is the API-wide mapper's setting (HttpTruthIntegrationTest)
        create("{\"team\":\"" + TEAM + "\",\"name\":{\"a\":1},\"driver\":\"none\"}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("name"))
                .andExpect(jsonPath("$.errors[0].message").value("must be a string"))
                .andExpect(jsonPath("$.detail").value(containsString("wrong at name: must be a string")));
    }

    @Test
    void anUnexpectedFailure_isA500WithTheCorrelationIdAndNothingInternal() throws Exception {
        when(gateway.sendAndWait(any(), anyLong(), any())).thenThrow(new IllegalStateException("pool secret-xyz"));
        create(body("web-1", "none", "tcp://10.0.0.5:2376"))
                .andExpect(status().isInternalServerError())
                .andExpect(content().contentType(PROBLEM))
                .andExpect(jsonPath("$.type").value("https://harbormaster.dev/problems/internal-error"))
                .andExpect(jsonPath("$.correlationId").value("corr-test"))
                .andExpect(content().string(not(containsString("secret-xyz"))))
                .andExpect(content().string(not(containsString("Exception"))));
    }

    @Test
    void anOversizedName_isA400NamingTheField() throws Exception {
        create(body("a".repeat(64), "none", "tcp://10.0.0.5:2376"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentType(PROBLEM))
                .andExpect(jsonPath("$.type").value("https://harbormaster.dev/problems/invalid-command"))
                .andExpect(jsonPath("$.errors[0].field").value("name"))
                .andExpect(jsonPath("$.errors[0].message").value(containsString("63")));
    }

    @Test
    void aNameAgainstTheDockerMachineRule_isA400NamingTheField() throws Exception {
        create(body("-web", "none", "tcp://10.0.0.5:2376"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("name"))
                .andExpect(jsonPath("$.detail").value(containsString("Invalid machine name")));
    }

    @Test
    void aMissingName_isA400NamingTheField() throws Exception {
        create("{\"team\":\"" + TEAM + "\",\"driver\":\"none\"}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("name"));
    }

    @Test
    void anOversizedDriverOption_isA400NamingDriverOptions() throws Exception {
        create(body("web-1", "none", "tcp://" + "h".repeat(3000) + ":2376"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value(containsString("driverOptions")));
    }

    @Test
    void anInvalidTeamId_isA400NamingTheTeam() throws Exception {
        create(body("web-1", "none", "tcp://10.0.0.5:2376").replace(TEAM, "not-a-uuid"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("team"))
                .andExpect(jsonPath("$.detail").value(containsString("not a UUID")));
    }

    @Test
    void anUnknownDriver_isA422ListingTheKnownDrivers() throws Exception {
        refuseWith(new UnknownDriverException("virtualbox", List.of("none")));
        create(body("web-1", "virtualbox", "tcp://10.0.0.5:2376"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().contentType(PROBLEM))
                .andExpect(jsonPath("$.type").value("https://harbormaster.dev/problems/unknown-driver"))
                .andExpect(jsonPath("$.title").value("Unknown driver"))
                .andExpect(jsonPath("$.detail").value("Driver \"virtualbox\" not found. Known drivers: none"));
    }

    @Test
    void aBadDriverOption_isA422NamingTheOption() throws Exception {
        refuseWith(new DriverOptionsRefusedException("url", "Invalid option 'url' for the none driver: ..."));
        create(body("web-1", "none", "http://10.0.0.5"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.type").value("https://harbormaster.dev/problems/invalid-driver-options"))
                .andExpect(jsonPath("$.errors[0].field").value("driverOptions.url"));
    }

    @Test
    void aTakenName_isA409() throws Exception {
        refuseWith(new MachineNameTakenException(MachineName.of("web-1")));
        create(body("web-1", "none", "tcp://10.0.0.5:2376"))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.type").value("https://harbormaster.dev/problems/machine-name-taken"))
                .andExpect(jsonPath("$.detail").value(containsString("A machine named 'web-1' already exists")));
    }

    @Test
    void anUnknownTeam_isA404() throws Exception {
        refuseWith(NotFoundException.team(TEAM));
        create(body("web-1", "none", "tcp://10.0.0.5:2376"))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.type").value("https://harbormaster.dev/problems/team-not-found"));
    }

    @Test
    void withoutASignedInUser_creatingIsA403() throws Exception {
        WebSliceSupport.actAsSystem();
        create(body("web-1", "none", "tcp://10.0.0.5:2376"))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.type").value("https://harbormaster.dev/problems/user-required"));
    }

    @Test
    void stopWithIfMatch_isAcceptedAndCarriesTheExpectedVersion() throws Exception {
        mvc.perform(post("/api/machines/" + ID + "/stop").header("If-Match", "\"3\""))
                .andExpect(status().isAccepted())
                .andExpect(header().string("Location", "/api/machines/" + ID))
                .andExpect(jsonPath("$.machineId").value(ID));
        assertThat(sent(StopMachineCommand.class)).isEqualTo(new StopMachineCommand(MachineId.of(ID), 3L));
    }

    @Test
    void aMalformedIfMatch_isA400() throws Exception {
        mvc.perform(post("/api/machines/" + ID + "/start").header("If-Match", "yesterday"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("If-Match"));
    }

    @Test
    void anInvalidMachineId_isA400() throws Exception {
        mvc.perform(post("/api/machines/nope/start"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentType(PROBLEM))
                .andExpect(jsonPath("$.errors[0].field").value("id"));
    }

    @Test
    void anUnknownMachine_isA404() throws Exception {
        refuseWith(new AggregateNotFoundException(ID, "The aggregate was not found in the event store"));
        mvc.perform(post("/api/machines/" + ID + "/restart"))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.type").value("https://harbormaster.dev/problems/machine-not-found"))
                .andExpect(jsonPath("$.detail").value("No machine with id " + ID
                        + " was found. Check the id, or reload the list."));
    }

    @Test
    void aStaleVersion_isA409SayingItChanged() throws Exception {
        refuseWith(new ConflictingAggregateVersionException(ID, 3, 5));
        mvc.perform(post("/api/machines/" + ID + "/kill").header("If-Match", "\"3\""))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.type").value("https://harbormaster.dev/problems/concurrent-modification"))
                .andExpect(jsonPath("$.detail").value(
                        "The machine was changed by someone else since version 3; reload and retry."));
    }

    @Test
    void aStateConflict_isA409WithTheAggregatesMessage() throws Exception {
        refuseWith(new MachineConflictException("Machine 'web-1' cannot be stopped: it is Starting."));
        mvc.perform(post("/api/machines/" + ID + "/stop"))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.type").value("https://harbormaster.dev/problems/machine-state-conflict"))
                .andExpect(jsonPath("$.detail").value("Machine 'web-1' cannot be stopped: it is Starting."));
    }

    @Test
    void anOperationTheDriverCannotDo_isA422() throws Exception {
        refuseWith(new UnsupportedByDriverException("The none driver cannot kill a machine: ..."));
        mvc.perform(post("/api/machines/" + ID + "/kill"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.type").value("https://harbormaster.dev/problems/unsupported-by-driver"))
                .andExpect(jsonPath("$.detail").value(containsString("none driver")));
    }

    @Test
    void aCommandThatTimesOut_isA504() throws Exception {
        refuseWith(new CommandExecutionException("An exception occurred while executing a command",
                new TimeoutException()));
        mvc.perform(post("/api/machines/" + ID + "/start"))
                .andExpect(status().isGatewayTimeout())
                .andExpect(jsonPath("$.type").value("https://harbormaster.dev/problems/command-timeout"));
    }

    @Test
    void anUnexpectedFailure_isA500ThatSaysNothingInternal() throws Exception {
        refuseWith(new IllegalStateException("connection to 10.1.1.1 refused, password=hunter2"));
        mvc.perform(post("/api/machines/" + ID + "/start"))
                .andExpect(status().isInternalServerError())
                .andExpect(content().string(not(containsString("hunter2"))))
                .andExpect(content().string(not(containsString("Exception"))));
    }

    @Test
    void deleteWithForce_isAcceptedAsAForcedRemoval() throws Exception {
        mvc.perform(delete("/api/machines/" + ID).param("force", "true"))
                .andExpect(status().isAccepted())
                .andExpect(header().string("Location", "/api/machines/" + ID));
        assertThat(sent(RemoveMachineCommand.class)).isEqualTo(new RemoveMachineCommand(MachineId.of(ID), true, null));
    }

    @Test
    void handOff_isOkWithTheMachineId() throws Exception {
        var bob = UserId.random();
        mvc.perform(post("/api/machines/" + ID + "/handoff").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"to\":\"" + bob + "\",\"revokePreviousHolder\":true}").header("If-Match", "\"7\""))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.machineId").value(ID));
        assertThat(sent(HandOffMachineCommand.class))
                .isEqualTo(new HandOffMachineCommand(MachineId.of(ID), bob, true, 7L));
    }

    @Test
    void aHandOffThatRotatesTheCa_answersOnceTheNewCaIsStored_andFailsWithIt() throws Exception {
        var bob = UserId.random();
        when(gateway.sendAndWait(any(HandOffMachineCommand.class), anyLong(), any())).thenReturn(true);
        when(renewals.await(any(), any())).thenThrow(new io.harbormaster.command.secret.SecretStoreException(
                "The secret store is sealed; unseal it and try again."));
        mvc.perform(post("/api/machines/" + ID + "/handoff").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"to\":\"" + bob + "\"}"))
                .andExpect(status().isServiceUnavailable())
                .andExpect(jsonPath("$.type").value("https://harbormaster.dev/problems/secret-store-unavailable"))
                .andExpect(jsonPath("$.detail").value(containsString("sealed")));
        verify(renewals).await(org.mockito.ArgumentMatchers.eq(MachineId.of(ID)), any());
    }

    @Test
    void aKeyGivenAtCreation_travelsInTheCommand_andNeverPrints() throws Exception {
        var key = "-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAA\n-----END OPENSSH PRIVATE KEY-----\n";
        create("{\"team\":\"" + TEAM + "\",\"name\":\"web-1\",\"driver\":\"generic\","
                + "\"driverOptions\":{\"ip-address\":\"10.0.0.5\"},\"sshKey\":" + new tools.jackson.databind.json.JsonMapper()
                        .writeValueAsString(key) + "}")
                .andExpect(status().isAccepted());
        var command = sent(CreateMachineCommand.class);
        assertThat(command.sshKey().text()).isEqualTo(key);
        assertThat(command.toString()).doesNotContain("PRIVATE KEY").contains("(given)");
    }

    @Test
    void share_isOkAndUnshare_isNoContent() throws Exception {
        var team = TeamId.random();
        mvc.perform(post("/api/machines/" + ID + "/shares").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"grantee\":{\"kind\":\"TEAM\",\"id\":\"" + team + "\"},\"role\":\"VIEWER\"}"))
                .andExpect(status().isOk());
        assertThat(sent(ShareMachineCommand.class))
                .isEqualTo(new ShareMachineCommand(MachineId.of(ID), Grantee.team(team), ShareRole.VIEWER));
        mvc.perform(delete("/api/machines/" + ID + "/shares/team/" + team))
                .andExpect(status().isNoContent());
        assertThat(sent(UnshareMachineCommand.class))
                .isEqualTo(new UnshareMachineCommand(MachineId.of(ID), Grantee.team(team)));
    }

    @Test
    void shareWithAnUnknownKind_isA400NamingTheField() throws Exception {
        mvc.perform(post("/api/machines/" + ID + "/shares").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"grantee\":{\"kind\":\"GROUP\",\"id\":\"" + ID + "\"},\"role\":\"VIEWER\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("grantee.kind"))
                .andExpect(jsonPath("$.detail").value(containsString("USER, TEAM")));
    }

    private ResultActions create(String json) throws Exception {
        return mvc.perform(post("/api/machines").contentType(MediaType.APPLICATION_JSON).content(json));
    }

    private static String body(String name, String driver, String url) {
        return """
                {"team":"%s","name":"%s","driver":"%s","driverOptions":{"url":"%s"}}""".formatted(TEAM, name, driver, url);
    }

    private void refuseWith(RuntimeException refusal) {
        when(gateway.sendAndWait(any(), anyLong(), any())).thenThrow(refusal);
    }

    private <T> T sent(Class<T> type) {
        var captor = ArgumentCaptor.forClass(Object.class);
        verify(gateway, org.mockito.Mockito.atLeastOnce()).sendAndWait(captor.capture(), anyLong(), any());
        return captor.getAllValues().stream().filter(type::isInstance).map(type::cast).reduce((a, b) -> b)
                .orElseThrow();
    }
}
