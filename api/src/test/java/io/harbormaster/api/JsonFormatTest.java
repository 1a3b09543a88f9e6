package io.harbormaster.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.harbormaster.api.machine.DriverOptions;
import io.harbormaster.api.machine.MachineCreated;
import io.harbormaster.api.machine.MachineId;
import io.harbormaster.api.machine.MachineName;
import io.harbormaster.api.team.TeamId;
import io.harbormaster.api.user.UserId;
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
                + "\"driverOptions\":{\"url\":\"tcp://10.0.0.5:2376\"},\"holder\":\"aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee\"}");
        assertThat(json.readValue(text, MachineCreated.class)).isEqualTo(event);
    }
}
