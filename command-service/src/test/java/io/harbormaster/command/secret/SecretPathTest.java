package io.harbormaster.command.secret;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.harbormaster.api.machine.MachineId;
import io.harbormaster.api.team.TeamId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The layout of DESIGN.md, and the paths that are refused because they could leave the store's prefix. */
class SecretPathTest {

    private static final MachineId MACHINE = MachineId.of("6f1c2b1e-7d3a-4c55-9a8e-1b2c3d4e5f60");
    private static final TeamId TEAM = TeamId.of("0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d");

    @Test
    void theFactoriesFollowTheDesignLayout() {
        assertThat(SecretPath.machineTls(MACHINE).value()).isEqualTo("machines/" + MACHINE.value() + "/tls");
        assertThat(SecretPath.machineSsh(MACHINE).value()).isEqualTo("machines/" + MACHINE.value() + "/ssh");
        assertThat(SecretPath.machineSshUserCa(MACHINE).value())
                .isEqualTo("machines/" + MACHINE.value() + "/ssh-user-ca");
        assertThat(SecretPath.teamCredential(TEAM, "aws-prod").value())
                .isEqualTo("teams/" + TEAM.value() + "/credentials/aws-prod");
        assertThat(SecretPath.teamCredentials(TEAM).child("aws-prod"))
                .isEqualTo(SecretPath.teamCredential(TEAM, "aws-prod"));
        assertThat(SecretPath.machines().toString()).isEqualTo("machines");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "/machines/x", "machines/", "machines//x", "machines/../teams", "..", "a/./b", "a/b c",
            "a/b%2F", "a\\b", "a/b?c", "ü", "a/.hidden", "-rf"})
    void pathsThatCouldEscapeThePrefixOrNeedEncodingAreRefused(String value) {
        assertThatThrownBy(() -> SecretPath.of(value)).isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"..", "../../sys", "a/b", "", "x y", "name..", ".env"})
    void aCredentialNameIsOneSafeSegment(String name) {
        assertThatThrownBy(() -> SecretPath.teamCredential(TEAM, name))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("letters, digits");
    }

    @Test
    void aVeryLongPathIsRefused() {
        assertThatThrownBy(() -> SecretPath.of("a/".repeat(300) + "b")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("longer than 512");
    }

    @Test
    void ordinaryNamesAreAccepted() {
        assertThat(SecretPath.of("teams/x_1/credentials/gcp.json").value()).isEqualTo("teams/x_1/credentials/gcp.json");
    }
}
