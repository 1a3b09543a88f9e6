package io.harbormaster.cli.machine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.harbormaster.api.machine.MachineId;
import io.harbormaster.api.machine.MachineState;
import io.harbormaster.api.machine.MachineSummary;
import io.harbormaster.api.team.TeamId;
import io.harbormaster.api.user.UserId;
import io.harbormaster.cli.HmException;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class LsFormatTest {

    private static final MachineSummary WEB = new MachineSummary(MachineId.random(), TeamId.random(), "platform",
            "web-1", "generic", MachineState.Running, UserId.random(), "alice", "tcp://10.0.0.5:2376",
            Instant.EPOCH, Instant.EPOCH, null, null);

    @Test
    void theDefaultIsDockerMachinesTable() {
        assertThat(LsFormat.parse(LsFormat.DEFAULT).render(List.of(WEB))).isEqualTo("""
                NAME    ACTIVE   DRIVER    STATE     URL                   SWARM   DOCKER   ERRORS
                web-1   -        generic   Running   tcp://10.0.0.5:2376""");
    }

    @Test
    void placeholdersMayHaveSpacesAndTrimMarkers() {
        assertThat(LsFormat.parse("{{ .Name }}={{- .URL -}}").render(List.of(WEB)))
                .isEqualTo("web-1=tcp://10.0.0.5:2376");
    }

    @Test
    void dollarSignsAndBackslashesInValuesArePrintedAsTheyAre() {
        var odd = new MachineSummary(WEB.id(), WEB.teamId(), "t", "a$1\\b", "none", MachineState.Unknown, null, null,
                null, null, null, null, null);

        assertThat(LsFormat.parse("{{.Name}} {{.URL}}|").render(List.of(odd))).isEqualTo("a$1\\b |");
    }

    @Test
    void goTemplateActionsOtherThanFieldsAreRefused() {
        assertThatThrownBy(() -> LsFormat.parse("{{if .Name}}x{{end}}"))
                .isInstanceOf(HmException.class)
                .hasMessageStartingWith("--format: hm does not know {{if .Name}}");
    }

    @Test
    void aTableWithNoMachinesIsItsHeader() {
        assertThat(LsFormat.parse("table {{.Name}}\\t{{.DriverName}}").render(List.of())).isEqualTo("NAME   DRIVER");
    }
}
