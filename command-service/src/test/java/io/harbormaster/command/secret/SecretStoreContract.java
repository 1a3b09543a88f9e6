package io.harbormaster.command.secret;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.harbormaster.api.machine.MachineId;
import io.harbormaster.api.team.TeamId;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link SecretStore} promises, run against each adapter: versioned writes, reads of the latest and of a
 * given version, listing, destroying, and nothing but empty for what is not there. Subclasses supply the store.
 */
public abstract class SecretStoreContract {

    /** PEM-like text with newlines, quotes, backslashes and non-ASCII: what the store must give back unchanged. */
    public static final String CA_KEY = "-----BEGIN EC PRIVATE KEY-----\nMHcCAQEEIC0ntr\"act\\test+/=\nü€😀\n"
            + "-----END EC PRIVATE KEY-----\n";

    private final List<SecretPath> written = Collections.synchronizedList(new ArrayList<>());

    /** The store under test; the same instance for the whole test. */
    protected abstract SecretStore store();

    /** Writes and remembers the path, so a shared (live) store is cleaned up after each test. */
    protected SecretVersion write(SecretPath path, Map<String, String> data) {
        track(path);
        return store().write(path, data);
    }

    /** Destroys {@code path} after the test, for secrets written some other way. */
    protected void track(SecretPath path) {
        written.add(path);
    }

    /** Releases the store after the test's secrets are destroyed; nothing by default. */
    protected void release() {
    }

    @AfterEach
    void destroyWhatTheTestWroteThenRelease() {
        try {
            List.copyOf(written).stream().distinct().forEach(path -> store().destroy(path));
        } finally {
            release();
        }
    }

    @Test
    void aWrittenSecretReadsBackWithItsVersionAndTime() {
        var path = SecretPath.machineTls(MachineId.random());
        var before = Instant.now().minusSeconds(60);

        var version = write(path, Map.of("ca-key.pem", CA_KEY, "ca.pem", "certificate"));

        assertThat(version).isEqualTo(new SecretVersion(1));
        var secret = store().read(path).orElseThrow();
        assertThat(secret.data()).isEqualTo(Map.of("ca-key.pem", CA_KEY, "ca.pem", "certificate"));
        assertThat(secret.version()).isEqualTo(version);
        assertThat(secret.createdTime()).isAfter(before).isBefore(Instant.now().plus(Duration.ofMinutes(1)));
    }

    @Test
    void eachWriteAddsAVersionAndOldVersionsStayReadable() {
        var path = SecretPath.machineSsh(MachineId.random());

        var first = write(path, Map.of("id_ed25519", "first"));
        var second = write(path, Map.of("id_ed25519", "second"));
        var third = write(path, Map.of("id_ed25519", "third", "host_fingerprint", "SHA256:abc"));

        assertThat(List.of(first, second, third))
                .containsExactly(new SecretVersion(1), new SecretVersion(2), new SecretVersion(3));
        assertThat(store().read(path).orElseThrow().data())
                .isEqualTo(Map.of("id_ed25519", "third", "host_fingerprint", "SHA256:abc"));
        assertThat(store().read(path, 1).orElseThrow().data()).isEqualTo(Map.of("id_ed25519", "first"));
        assertThat(store().read(path, 2).orElseThrow().version()).isEqualTo(second);
        assertThat(store().read(path, 4)).isEmpty();
    }

    @Test
    void readingWhatWasNeverWrittenGivesNothingAndRequireNamesThePath() {
        var path = SecretPath.machineTls(MachineId.random());

        assertThat(store().read(path)).isEmpty();
        assertThat(store().read(path, 1)).isEmpty();
        assertThatThrownBy(() -> store().require(path))
                .isInstanceOf(SecretMissingException.class)
                .hasMessageContaining(path.value());
    }

    @Test
    void destroyRemovesEveryVersionAndTheNextWriteStartsAgainAtOne() {
        var path = SecretPath.machineTls(MachineId.random());
        write(path, Map.of("ca.pem", "one"));
        write(path, Map.of("ca.pem", "two"));

        store().destroy(path);

        assertThat(store().read(path)).isEmpty();
        assertThat(store().read(path, 1)).isEmpty();
        assertThat(write(path, Map.of("ca.pem", "three"))).isEqualTo(new SecretVersion(1));
    }

    @Test
    void destroyingWhatIsNotThereIsFine() {
        store().destroy(SecretPath.machineSsh(MachineId.random()));
    }

    @Test
    void listShowsSecretsAndSubFoldersDirectlyUnderAFolder() {
        var team = TeamId.random();
        write(SecretPath.teamCredential(team, "aws-prod"), Map.of("access_key_id", "AKIA", "secret", "x"));
        write(SecretPath.teamCredential(team, "aws-dev"), Map.of("access_key_id", "AKIB", "secret", "y"));
        write(SecretPath.teamCredentials(team).child("nested").child("deeper"), Map.of("k", "v"));

        assertThat(store().list(SecretPath.teamCredentials(team))).containsExactly("aws-dev", "aws-prod", "nested/");
        assertThat(store().list(SecretPath.of("teams/" + team.value()))).containsExactly("credentials/");
    }

    @Test
    void listOfAMachineFolderShowsItsTlsAndSsh() {
        var machine = MachineId.random();
        write(SecretPath.machineTls(machine), Map.of("ca.pem", "c"));
        write(SecretPath.machineSsh(machine), Map.of("id_ed25519", "k"));

        assertThat(store().list(SecretPath.of("machines/" + machine.value()))).containsExactly("ssh", "tls");
        assertThat(store().list(SecretPath.machines())).contains(machine.value() + "/");
    }

    @Test
    void listOfAnUnknownFolderIsEmpty() {
        assertThat(store().list(SecretPath.of("machines/" + MachineId.random().value()))).isEmpty();
    }

    @Test
    void anEmptySecretIsAVersionToo() {
        var path = SecretPath.teamCredential(TeamId.random(), "empty");

        assertThat(write(path, Map.of())).isEqualTo(new SecretVersion(1));
        assertThat(store().read(path).orElseThrow().data()).isEmpty();
    }

    @Test
    void versionsStartAtOne() {
        var path = SecretPath.machineTls(MachineId.random());

        assertThatThrownBy(() -> store().read(path, 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aReadSecretNeverPrintsItsValues() {
        var path = SecretPath.machineTls(MachineId.random());
        write(path, Map.of("ca-key.pem", CA_KEY));

        var secret = store().read(path).orElseThrow();

        assertThat(secret.toString()).contains("ca-key.pem").doesNotContain("PRIVATE KEY").doesNotContain("MHcC");
        assertThat(store().toString()).doesNotContain("PRIVATE KEY");
    }

    @Test
    void aHealthyStoreSaysSoAndWhatItIs() {
        var health = store().health();

        assertThat(health.usable()).isTrue();
        assertThat(health.kind()).isNotBlank();
        assertThat(health.description()).isNotBlank();
    }
}
