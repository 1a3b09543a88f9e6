package io.harbormaster.command.ssh;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.harbormaster.api.machine.MachineId;
import io.harbormaster.command.secret.InMemorySecretStore;
import io.harbormaster.command.secret.SecretMissingException;
import io.harbormaster.command.secret.SecretPath;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A machine's SSH key pair in the secret store, checked against the real ssh-keygen. */
class MachineSshKeysTest {

    private final InMemorySecretStore store = new InMemorySecretStore();
    private final MachineSshKeys keys = new MachineSshKeys(store);
    private final MachineId machine = MachineId.random();

    @TempDir
    Path folder;

    @BeforeEach
    void needsSshKeygen() {
        assumeTrue(Programs.sshKeygenInstalled(), "ssh-keygen is not installed (apt-get install -y openssh-client): "
                + "the key format checks against it are skipped");
    }

    @Test
    void aGeneratedKeyIsAnEd25519KeyStoredAtTheMachinesSshPathThatOpenSshReads() throws IOException {
        var reference = keys.generate(machine);

        assertThat(reference.secretPath()).isEqualTo("machines/" + machine.value() + "/ssh");
        assertThat(reference.secretVersion()).isEqualTo(1);
        assertThat(reference.type()).isEqualTo("ssh-ed25519");
        assertThat(reference.origin()).isEqualTo(MachineSshKey.Origin.GENERATED);
        var stored = store.require(SecretPath.machineSsh(machine));
        assertThat(stored.value("private-key")).startsWith("-----BEGIN OPENSSH PRIVATE KEY-----\n");
        assertThat(stored.value("public-key")).isEqualTo(reference.publicKey()).startsWith("ssh-ed25519 AAAA");

        var privateFile = write("id_generated", stored.value("private-key"));
        var publicFromOpenSsh = Programs.run(Programs.SSH_KEYGEN.toString(), "-y", "-f", privateFile.toString());
        assertThat(publicFromOpenSsh.strip()).startsWith(reference.publicKey());
        assertThat(Programs.fingerprint(write("id_generated.pub", reference.publicKey() + "\n")))
                .isEqualTo(reference.fingerprint());
        assertThat(Programs.fingerprint(privateFile)).isEqualTo(reference.fingerprint());
    }

    @Test
    void generatingAgainAddsAVersionAndTheOldReferenceStillLoadsItsOwnKey() {
        var first = keys.generate(machine);
        var second = keys.generate(machine);

        assertThat(second.secretVersion()).isEqualTo(2);
        assertThat(second.fingerprint()).isNotEqualTo(first.fingerprint());
        assertThat(keys.load(first).fingerprint()).isEqualTo(first.fingerprint());
        assertThat(keys.load(second).fingerprint()).isEqualTo(second.fingerprint());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "ed25519 in OpenSSH format, ssh-ed25519, -t ed25519",
            "ECDSA P-256 in OpenSSH format, ecdsa-sha2-nistp256, -t ecdsa -b 256",
            "RSA 3072 in OpenSSH format, ssh-rsa, -t rsa -b 3072",
            "RSA 3072 in PEM format, ssh-rsa, -t rsa -b 3072 -m PEM",
            "ECDSA P-384 in PKCS#8 format, ecdsa-sha2-nistp384, -t ecdsa -b 384 -m PKCS8",
    })
    void aUsersOwnKeyIsImportedWithTheFingerprintSshKeygenPrints(String description, String type, String options) {
        var keyFile = Programs.keygen(folder, "user_key", options.split(" "));

        var reference = keys.importKey(machine, Programs.read(keyFile));

        assertThat(reference.origin()).isEqualTo(MachineSshKey.Origin.IMPORTED);
        assertThat(reference.type()).isEqualTo(type);
        assertThat(reference.fingerprint()).isEqualTo(Programs.fingerprint(keyFile.resolveSibling("user_key.pub")));
        assertThat(Programs.read(keyFile.resolveSibling("user_key.pub"))).startsWith(reference.publicKey());
        assertThat(keys.load(reference).fingerprint()).isEqualTo(reference.fingerprint());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "OpenSSH format, -t ed25519",
            "PEM format, -t rsa -b 2048 -m PEM",
            "PKCS#8 format, -t ecdsa -b 256 -m PKCS8",
    })
    void aKeyProtectedByAPassphraseIsRefusedWithAClearMessageAndNothingIsStored(String format, String options) {
        var keyFile = Programs.keygenWithPassphrase(folder, "locked", "correct horse battery", options.split(" "));
        var text = Programs.read(keyFile);

        var refused = catchThrowableOfType(InvalidSshKeyException.class, () -> keys.importKey(machine, text));

        assertThat(refused).hasMessageContaining("protected by a passphrase")
                .hasMessageContaining("ssh-keygen -p -N ''");
        assertThat(refused.field()).isEqualTo("sshKey");
        KeyLeaks.assertNoPrivateKey(refused, text, "");
        assertThat(refused.getMessage()).doesNotContain("correct horse battery");
        assertThat(store.read(SecretPath.machineSsh(machine))).isEmpty();
    }

    @Test
    void aPublicKeyGivenInsteadOfThePrivateKeyIsRefused() {
        var keyFile = Programs.keygen(folder, "user_key", "-t", "ed25519");

        assertThatThrownBy(() -> keys.importKey(machine, Programs.read(keyFile.resolveSibling("user_key.pub"))))
                .isInstanceOf(InvalidSshKeyException.class)
                .hasMessageContaining("public key; give the private key");
    }

    @Test
    void textThatIsNoKeyIsRefusedWithoutBeingQuoted() {
        var text = "-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQAAAAAAAAAB\n"
                + "-----END OPENSSH PRIVATE KEY-----\n";

        var refused = catchThrowableOfType(InvalidSshKeyException.class, () -> keys.importKey(machine, text));

        assertThat(refused).hasMessageContaining("could not be read").hasNoCause();
        KeyLeaks.assertNoPrivateKey(refused, text, "");
        assertThatThrownBy(() -> keys.importKey(machine, "hello"))
                .isInstanceOf(InvalidSshKeyException.class).hasMessageContaining("not in a known format");
        assertThatThrownBy(() -> keys.importKey(machine, "  "))
                .isInstanceOf(InvalidSshKeyException.class).hasMessageContaining("empty");
        assertThatThrownBy(() -> keys.importKey(machine, "PuTTY-User-Key-File-3: ssh-ed25519\nEncryption: none\n"))
                .isInstanceOf(InvalidSshKeyException.class).hasMessageContaining("puttygen");
    }

    @Test
    void anRsaKeyShorterThan2048BitsIsRefused() {
        var keyFile = Programs.keygen(folder, "short", "-t", "rsa", "-b", "1024");

        assertThatThrownBy(() -> keys.importKey(machine, Programs.read(keyFile)))
                .isInstanceOf(InvalidSshKeyException.class)
                .hasMessageContaining("RSA key of 1024 bits").hasMessageContaining("at least 2048");
    }

    @Test
    void noToStringShowsThePrivateKey() {
        var reference = keys.generate(machine);
        var key = keys.load(reference);
        var privateKey = store.require(SecretPath.machineSsh(machine)).value("private-key");

        KeyLeaks.assertNoPrivateKey(List.of(reference.toString(), key.toString(),
                store.require(SecretPath.machineSsh(machine)).toString()), privateKey, reference.publicKey());
        assertThat(key.toString()).isEqualTo("SshKey[ssh-ed25519 " + reference.fingerprint() + "]");
    }

    @Test
    void destroyingRemovesEveryVersionSoAnOldReferenceNoLongerLoads() {
        var reference = keys.generate(machine);
        keys.generate(machine);

        keys.destroy(machine);

        assertThat(store.read(SecretPath.machineSsh(machine))).isEmpty();
        assertThatThrownBy(() -> keys.load(reference)).isInstanceOf(SecretMissingException.class);
    }

    private Path write(String name, String content) throws IOException {
        var file = folder.resolve(name);
        Files.writeString(file, content);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        return file;
    }
}
