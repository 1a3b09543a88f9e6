package io.harbormaster.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.harbormaster.api.machine.CertsRenewalRequested;
import io.harbormaster.api.machine.DriverOptions;
import io.harbormaster.api.machine.EngineOptions;
import io.harbormaster.api.machine.MachineCreated;
import io.harbormaster.api.machine.MachineId;
import io.harbormaster.api.machine.MachineName;
import io.harbormaster.api.machine.MachineState;
import io.harbormaster.api.machine.MachineStateObserved;
import io.harbormaster.api.team.TeamId;
import io.harbormaster.api.user.UserId;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The JSON form of the records is the stored format of the event store: values are plain JSON values, not wrapper
 * objects, and every record reads back equal. A change here needs an upcaster for events already stored.
 */
class JsonFormatTest {

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void anEventIsFlatJsonAndReadsBackEqual() throws Exception {
        var event = new MachineCreated(MachineId.of("11111111-2222-3333-4444-555555555555"),
                TeamId.of("66666666-7777-8888-9999-000000000000"), MachineName.of("web-1"), "none",
                new DriverOptions(Map.of("url", "tcp://10.0.0.5:2376")), UserId.of("aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee"));

        var text = json.writeValueAsString(event);

        assertThat(text).isEqualTo("{\"machineId\":\"11111111-2222-3333-4444-555555555555\","
                + "\"teamId\":\"66666666-7777-8888-9999-000000000000\",\"name\":\"web-1\",\"driver\":\"none\","
                + "\"driverOptions\":{\"url\":\"tcp://10.0.0.5:2376\"},\"holder\":\"aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee\","
                + "\"engineOptions\":{\"flags\":[],\"labels\":[],\"installUrl\":null,\"tlsSans\":[]}}");
        assertThat(json.readValue(text, MachineCreated.class)).isEqualTo(event);
    }

    @Test
    void aCreationWithEngineOptions_readsBackEqual() throws Exception {
        var event = new MachineCreated(MachineId.of("11111111-2222-3333-4444-555555555555"),
                TeamId.of("66666666-7777-8888-9999-000000000000"), MachineName.of("web-1"), "generic",
                new DriverOptions(Map.of("ip-address", "10.0.0.7")), UserId.of("aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee"),
                new EngineOptions(List.of("log-level=warn"), List.of("team=blue"), "https://get.docker.com",
                        List.of("docker.example.com")));

        var text = json.writeValueAsString(event);

        assertThat(text).endsWith("\"engineOptions\":{\"flags\":[\"log-level=warn\"],\"labels\":[\"team=blue\"],"
                + "\"installUrl\":\"https://get.docker.com\",\"tlsSans\":[\"docker.example.com\"]}}");
        assertThat(json.readValue(text, MachineCreated.class)).isEqualTo(event);
    }

    @Test
    void aCreationStoredBeforeEngineOptionsExisted_stillReads_withNone() throws Exception {
        var stored = "{\"machineId\":\"11111111-2222-3333-4444-555555555555\","
                + "\"teamId\":\"66666666-7777-8888-9999-000000000000\",\"name\":\"web-1\",\"driver\":\"none\","
                + "\"driverOptions\":{\"url\":\"tcp://10.0.0.5:2376\"},\"holder\":\"aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee\"}";

        var event = json.readValue(stored, MachineCreated.class);

        assertThat(event.engineOptions()).isEqualTo(EngineOptions.none());
        assertThat(event.driverOptions().get("url")).isEqualTo("tcp://10.0.0.5:2376");
    }

    @Test
    void aRenewalRequestStoredBeforeTlsSansExisted_stillReads_withNone() throws Exception {
        var stored = "{\"machineId\":\"11111111-2222-3333-4444-555555555555\",\"reason\":\"requested\","
                + "\"rotateCa\":false,\"keyAlgorithm\":null,\"machineName\":\"web-1\","
                + "\"dockerUrl\":\"tcp://10.0.0.5:2376\",\"current\":null,\"handOffTo\":null}";

        assertThat(json.readValue(stored, CertsRenewalRequested.class).tlsSans()).isEmpty();
    }

    @Test
    void aProvisioningStoredBeforeItCarriedTheDockerVersion_readsWithAnUnknownVersion() throws Exception {
        var stored = "{\"machineId\":\"11111111-2222-3333-4444-555555555555\",\"dockerUrl\":\"tcp://10.0.0.5:2376\"}";

        var event = json.readValue(stored, io.harbormaster.api.machine.MachineProvisioned.class);

        assertThat(event.dockerUrl()).isEqualTo("tcp://10.0.0.5:2376");
        assertThat(event.dockerVersion()).isNull();
        assertThat(json.writeValueAsString(new io.harbormaster.api.machine.MachineProvisioned(event.machineId(),
                event.dockerUrl(), "27.3.1"))).endsWith(",\"dockerVersion\":\"27.3.1\"}");
    }

    @Test
    void aStateObservationStoredBeforeItHadAReasonStillReads_withoutOne() throws Exception {
        var stored = "{\"machineId\":\"11111111-2222-3333-4444-555555555555\",\"previous\":\"Running\","
                + "\"observed\":\"Error\"}";

        var event = json.readValue(stored, MachineStateObserved.class);

        assertThat(event).isEqualTo(new MachineStateObserved(MachineId.of("11111111-2222-3333-4444-555555555555"),
                MachineState.Running, MachineState.Error));
        assertThat(event.reason()).isNull();
        assertThat(event.reasonText()).isNull();
    }

    @Test
    void aStateObservationWithAReasonSaysSinceWhenInUtc_andStoresOnlyItsComponents() throws Exception {
        var event = new MachineStateObserved(MachineId.of("11111111-2222-3333-4444-555555555555"),
                MachineState.Running, MachineState.Error, "host 10.213.0.7:22 unreachable",
                Instant.parse("2026-12-06T12:04:05Z"));

        assertThat(event.reasonText()).isEqualTo("host 10.213.0.7:22 unreachable since 2026-12-06 12:04:05 UTC");
        assertThat(json.writeValueAsString(new MachineStateObserved(event.machineId(), event.previous(),
                event.observed(), event.reason(), null))).doesNotContain("reasonText")
                .contains("\"reason\":\"host 10.213.0.7:22 unreachable\"");
    }

    @Test
    void anImport_recordsWhereItCameFrom_andReadsBackEqual() throws Exception {
        var event = new io.harbormaster.api.machine.MachineImported(
                MachineId.of("11111111-2222-3333-4444-555555555555"), TeamId.of("66666666-7777-8888-9999-000000000000"),
                MachineName.of("cloud"), "none", new DriverOptions(Map.of("url", "tcp://10.0.0.9:2376")),
                UserId.of("aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee"), MachineState.Unknown, null, "tcp://10.0.0.9:2376",
                null, new io.harbormaster.api.machine.ImportedFrom("alice-laptop", "/home/alice/.docker/machine",
                        "amazonec2", new DriverOptions(Map.of("Region", "eu-west-1"))));

        var text = json.writeValueAsString(event);

        assertThat(text).endsWith("\"engineOptions\":{\"flags\":[],\"labels\":[],\"installUrl\":null,"
                + "\"tlsSans\":[]},\"dockerUrl\":\"tcp://10.0.0.9:2376\",\"certificates\":null,\"importedFrom\":"
                + "{\"workstation\":\"alice-laptop\",\"storePath\":\"/home/alice/.docker/machine\","
                + "\"driver\":\"amazonec2\",\"driverSettings\":{\"Region\":\"eu-west-1\"}}}");
        assertThat(json.readValue(text, io.harbormaster.api.machine.MachineImported.class)).isEqualTo(event);
    }
}
