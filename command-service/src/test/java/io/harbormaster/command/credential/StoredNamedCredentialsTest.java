package io.harbormaster.command.credential;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.harbormaster.api.machine.DriverOptions;
import io.harbormaster.api.team.TeamId;
import io.harbormaster.command.refusal.InvalidCommandException;
import io.harbormaster.command.secret.InMemorySecretStore;
import io.harbormaster.command.secret.SecretPath;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StoredNamedCredentialsTest {

    private final TeamId team = TeamId.random();
    private final InMemorySecretStore secrets = new InMemorySecretStore();
    private final StoredNamedCredentials credentials = new StoredNamedCredentials(secrets);

    @Test
    void aMachineNamingNoCredential_isLeftToItsDriver() {
        credentials.requireExisting(team, DriverOptions.of(Map.of("amazonec2-region", "eu-west-1")));
    }

    @Test
    void aCredentialTheTeamHas_isAccepted() {
        secrets.write(SecretPath.teamCredential(team, "aws-prod"), Map.of("access-key-id", "AKIAIOSFODNN7EXAMPLE",
                "secret-access-key", "secret"));

        credentials.requireExisting(team, DriverOptions.of(Map.of("amazonec2-credential", "aws-prod")));
    }

    @Test
    void aCredentialTheTeamDoesNotHave_isRefusedNamingTheOptionAndWhatToDo() {
        var otherTeam = TeamId.random();
        secrets.write(SecretPath.teamCredential(otherTeam, "aws-prod"), Map.of("access-key-id",
                "AKIAIOSFODNN7EXAMPLE", "secret-access-key", "secret"));

        assertThatThrownBy(() -> credentials.requireExisting(team,
                DriverOptions.of(Map.of("amazonec2-credential", "aws-prod"))))
                .isInstanceOf(InvalidCommandException.class)
                .hasMessageContaining("The team has no cloud credential 'aws-prod'")
                .hasMessageContaining("hm credentials add aws-prod");
    }

    @Test
    void aNameThatCannotBeACredentialsName_isRefusedByTheNameRule() {
        assertThatThrownBy(() -> credentials.requireExisting(team,
                DriverOptions.of(Map.of("amazonec2-credential", "../x"))))
                .isInstanceOf(InvalidCommandException.class).hasMessageNotContaining("The team has no");
    }
}
