package io.harbormaster.cli.machine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.harbormaster.api.machine.MachineId;
import io.harbormaster.cli.HmException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LsFormatTest {

    private static final MachineListItem WEB = new MachineListItem(MachineId.random(), "t-1", "platform", "web-1",
            "generic", "Running", "u-1", "alice", "tcp://10.0.0.5:2376", null, "27.3.1", null, Instant.EPOCH,
            Instant.EPOCH);

    private static List<Map<String, Object>> rows(MachineListItem... machines) {
        return LsRows.of(List.of(machines), "", Duration.ofMillis(42));
    }

    @Test
    void theDefaultIsDockerMachinesTable() {
        assertThat(LsFormat.parse(LsFormat.DEFAULT).render(rows(WEB))).isEqualTo("""
                NAME    ACTIVE   DRIVER    STATE     URL                   SWARM   DOCKER    ERRORS
                web-1   -        generic   Running   tcp://10.0.0.5:2376           v27.3.1
                """);
    }

    @Test
    void placeholdersMayHaveSpacesAndTrimMarkers() {
        assertThat(LsFormat.parse("{{ .Name }}= {{- .URL -}} |").render(rows(WEB)))
                .isEqualTo("web-1=tcp://10.0.0.5:2376|\n");
    }

    @Test
    void dollarSignsAndBackslashesInValuesArePrintedAsTheyAre() {
        var odd = new MachineListItem(WEB.id(), "t", "t", "a$1\\b", "none", "Unknown", null, null, null, null, null,
                null, null, null);

        assertThat(LsFormat.parse("{{.Name}} {{.URL}}|").render(rows(odd))).isEqualTo("a$1\\b |\n");
    }

    @Test
    void goTemplateActionsOtherThanFieldsAreRefused() {
        assertThatThrownBy(() -> LsFormat.parse("{{if .Name}}x{{end}}"))
                .isInstanceOf(HmException.class)
                .hasMessageStartingWith("--format: hm does not know {{if .Name}}");
    }

    @Test
    void aTableWithNoMachinesIsItsHeader() {
        assertThat(LsFormat.parse("table {{.Name}}\\t{{.DriverName}}").render(List.of())).isEqualTo("NAME   DRIVER\n");
    }

    @Test
    void teamHolderAndTheOtherHeaders() {
        assertThat(LsFormat.parse("table {{.Team}}\\t{{.Holder}}\\t{{.ActiveHost}}\\t{{.ResponseTime}}").render(rows(WEB)))
                .isEqualTo("""
                        TEAM       HOLDER   ACTIVE_HOST   RESPONSE
                        platform   alice    false         42ms
                        """);
    }

    @Test
    void jsonIsAnArrayOfTheRows() {
        var json = LsFormat.parse("json").render(rows(WEB));

        assertThat(json).startsWith("[\n    {\n        \"Name\": \"web-1\",\n        \"Active\": \"-\",")
                .contains("\"DockerVersion\": \"v27.3.1\"", "\"Team\": \"platform\"", "\"Holder\": \"alice\"")
                .endsWith("    }\n]\n");
        assertThat(LsFormat.parse("json").render(List.of())).isEqualTo("[]\n");
    }

    @Test
    void dockerVersionIsUnknownUnlessRunningWithAKnownVersion() {
        assertThat(LsRows.dockerVersion("Running", "27.3.1")).isEqualTo("v27.3.1");
        assertThat(LsRows.dockerVersion("Running", "v27.3.1")).isEqualTo("v27.3.1");
        assertThat(LsRows.dockerVersion("Stopped", "27.3.1")).isEqualTo("Unknown");
        assertThat(LsRows.dockerVersion("Running", null)).isEqualTo("Unknown");
    }

    @Test
    void durationsPrintLikeGo() {
        assertThat(LsRows.goDuration(Duration.ZERO)).isEqualTo("0s");
        assertThat(LsRows.goDuration(Duration.ofMillis(85))).isEqualTo("85ms");
        assertThat(LsRows.goDuration(Duration.ofMillis(1200))).isEqualTo("1.2s");
        assertThat(LsRows.goDuration(Duration.ofSeconds(3))).isEqualTo("3s");
    }
}
