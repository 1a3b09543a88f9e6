package io.harbormaster.command.secret.vault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.harbormaster.api.machine.MachineId;
import io.harbormaster.command.secret.SecretAccessDeniedException;
import io.harbormaster.command.secret.SecretPath;
import io.harbormaster.command.secret.SecretStore;
import io.harbormaster.command.secret.SecretStoreContract;
import org.junit.jupiter.api.Test;

/**
 * The store contract plus what holds for any Vault, stand-in or real: how a refused token is reported, and that
 * health and messages describe the address and mount without ever showing a token.
 */
abstract class VaultContract extends SecretStoreContract {

    private VaultSecretStore store;

    /** How to reach the Vault under test with a token that may use the prefix. */
    abstract VaultSettings settings();

    /** The token of {@link #settings()}, to check that it is never shown. */
    abstract String token();

    @Override
    protected SecretStore store() {
        if (store == null) {
            store = new VaultSecretStore(settings());
        }
        return store;
    }

    @Override
    protected void release() {
        if (store != null) {
            store.close();
        }
    }

    @Test
    void aTokenVaultDoesNotKnowIsDeniedWithThePathAndTheCapabilityToGrant() {
        var machine = MachineId.random();
        var wrongToken = "hvs.not-a-token-vault-knows-0000";
        try (var refused = new VaultSecretStore(settings().withAuth(new VaultAuth.Token(wrongToken)))) {
            var expectedPath = settings().mount() + "/data/" + settings().pathPrefix() + "/machines/"
                    + machine.value() + "/tls";

            assertThatThrownBy(() -> refused.read(SecretPath.machineTls(machine)))
                    .isInstanceOfSatisfying(SecretAccessDeniedException.class, denied -> {
                        assertThat(denied.path()).isEqualTo(expectedPath);
                        assertThat(denied.capability()).isEqualTo("read");
                    })
                    .hasMessageContaining("permission denied")
                    .hasMessageContaining("harbormaster-policy.hcl")
                    .message().doesNotContain(wrongToken);
        }
    }

    @Test
    void healthNamesTheAddressAndMountAndAcceptsTheTokenWithoutShowingIt() {
        var health = store().health();

        assertThat(health.kind()).isEqualTo("vault");
        assertThat(health.reachable()).isTrue();
        assertThat(health.sealed()).isFalse();
        assertThat(health.description())
                .contains(settings().address().toString())
                .contains("mount '" + settings().mount() + "'")
                .contains("token accepted")
                .doesNotContain(token());
        assertThat(store().toString()).doesNotContain(token());
    }
}
