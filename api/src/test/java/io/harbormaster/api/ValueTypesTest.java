package io.harbormaster.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.harbormaster.api.audit.ActingContext;
import io.harbormaster.api.audit.AuditFilter;
import io.harbormaster.api.common.Channel;
import io.harbormaster.api.common.InvalidIdException;
import io.harbormaster.api.common.PageRequest;
import io.harbormaster.api.machine.DriverOptions;
import io.harbormaster.api.machine.Grantee;
import io.harbormaster.api.machine.InvalidMachineNameException;
import io.harbormaster.api.machine.MachineFilter;
import io.harbormaster.api.machine.MachineId;
import io.harbormaster.api.machine.MachineName;
import io.harbormaster.api.team.TeamId;
import io.harbormaster.api.team.TeamName;
import io.harbormaster.api.user.UserId;
import io.harbormaster.api.user.Username;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The shared value types refuse bad input themselves, with messages a user can act on. */
class ValueTypesTest {

    @Test
    void typedIdsAcceptUuidsInCanonicalLowerCase() {
        var id = MachineId.of("3F2504E0-4F89-11D3-9A0C-0305E82C3301");
        assertThat(id.value()).isEqualTo("3f2504e0-4f89-11d3-9a0c-0305e82c3301");
        assertThat(id.toString()).isEqualTo(id.value());
        assertThat(TeamId.random()).isNotEqualTo(TeamId.random());
        assertThat(UserId.of(id.value()).value()).isEqualTo(id.value());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "web-1", "3f2504e0-4f89-11d3-9a0c", "3f2504e0-4f89-11d3-9a0c-0305e82c3301x"})
    void typedIdsRefuseWhatIsNotAUuid(String raw) {
        assertThatThrownBy(() -> MachineId.of(raw)).isInstanceOf(InvalidIdException.class).hasMessageContaining("machine id");
        assertThatThrownBy(() -> new TeamId(raw)).isInstanceOf(InvalidIdException.class).hasMessageContaining("team id");
    }

    @Test
    void typedIdsRefuseNull() {
        assertThatThrownBy(() -> new UserId(null)).isInstanceOf(InvalidIdException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"web-1", "a", "Web.Prod-2", "0", "a23456789012345678901234567890123456789012345678901234567890123"})
    void machineNamesFollowDockerMachinesRule(String name) {
        assertThat(MachineName.of(name).value()).isEqualTo(name);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "-web", ".web", "web_1", "web 1", "web/1", "wéb", "a234567890123456789012345678901234567890123456789012345678901234"})
    void machineNamesOutsideTheRuleAreRefused(String name) {
        assertThatThrownBy(() -> MachineName.of(name)).isInstanceOf(InvalidMachineNameException.class)
                .hasMessageContaining("Machine name");
    }

    @Test
    void teamNamesAndUsernamesHaveTheirOwnRules() {
        assertThat(TeamName.of("platform_ops").value()).isEqualTo("platform_ops");
        assertThatThrownBy(() -> TeamName.of("_ops")).hasMessageContaining("Invalid team name");
        assertThat(Username.of("alice.smith").value()).isEqualTo("alice.smith");
        assertThatThrownBy(() -> Username.of("Alice")).hasMessageContaining("Invalid username");
        assertThatThrownBy(() -> Username.of("a".repeat(65))).hasMessageContaining("Invalid username");
    }

    @Test
    void driverOptionsAreBoundedAndNeverNull() {
        assertThat(new DriverOptions(null).values()).isEmpty();
        assertThat(new DriverOptions(Map.of("url", "tcp://h:2376")).get("url")).isEqualTo("tcp://h:2376");
        assertThatThrownBy(() -> new DriverOptions(Map.of("url", "x".repeat(2049))))
                .hasMessageContaining("'url' must be at most 2048");
        assertThatThrownBy(() -> new DriverOptions(Map.of(" ", "v"))).hasMessageContaining("driver option names");
    }

    @Test
    void granteesNameAUserOrATeamById() {
        var user = UserId.random();
        assertThat(Grantee.user(user)).isEqualTo(new Grantee(Grantee.Kind.USER, user.value().toUpperCase()));
        assertThatThrownBy(() -> new Grantee(Grantee.Kind.TEAM, "ops")).hasMessageContaining("team id");
        assertThatThrownBy(() -> new Grantee(null, user.value())).hasMessageContaining("user or team");
    }

    @Test
    void channelsUseTheirLowerCaseWireNames() {
        assertThat(Channel.fromWireName("CLI")).isEqualTo(Channel.CLI);
        assertThat(Channel.RECONCILER.wireName()).isEqualTo("reconciler");
        assertThatThrownBy(() -> Channel.fromWireName("email")).hasMessageContaining("api, ui, cli, reconciler, system");
    }

    @Test
    void pagesAreBounded() {
        assertThat(new PageRequest(2, 50).offset()).isEqualTo(100);
        assertThatThrownBy(() -> new PageRequest(-1, 10)).hasMessageContaining("page must be 0 or more");
        assertThatThrownBy(() -> new PageRequest(0, 501)).hasMessageContaining("between 1 and 500");
        assertThatThrownBy(() -> new PageRequest(0, 0)).hasMessageContaining("between 1 and 500");
    }

    @Test
    void filtersCheckTheirPatternsAndRanges() {
        assertThat(new MachineFilter(null, null, null, null, " ").nameRegex()).isNull();
        assertThatThrownBy(() -> new MachineFilter(null, null, null, null, "web-("))
                .hasMessageContaining("not a valid regular expression");
        var now = Instant.parse("2026-11-22T12:00:00Z");
        assertThatThrownBy(() -> new AuditFilter(null, null, null, now, now)).hasMessageContaining("from must be before to");
    }

    @Test
    void anActingContextAlwaysHasACorrelationId() {
        var context = new ActingContext("u", null, Channel.API, null, null);
        assertThat(context.correlationId()).isNotBlank();
        assertThat(context.actorName()).isEqualTo("u");
        assertThat(ActingContext.system().channel()).isEqualTo(Channel.SYSTEM);
        assertThatThrownBy(() -> new ActingContext(" ", null, Channel.API, null, null)).hasMessageContaining("actorId");
    }
}
