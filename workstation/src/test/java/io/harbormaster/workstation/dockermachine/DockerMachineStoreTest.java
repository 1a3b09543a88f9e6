package io.harbormaster.workstation.dockermachine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.harbormaster.testing.DockerMachineCertificates;
import io.harbormaster.testing.DockerMachineStoreWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Reading docker-machine stores written the way docker-machine 0.16 writes them (certificates, config.json with
 * absolute paths, the SSH key copied into the machine folder), then moved, copied, damaged or stripped of a file.
 */
class DockerMachineStoreTest {

    private static final String IP = "10.213.0.99";

    @TempDir
    Path home;

    private Path sshKey;

    @BeforeEach
    void sshKey() throws Exception {
        sshKey = home.resolve("id_ed25519");
        SshKeys.generate(sshKey, "");
    }

    @Test
    void aGenericMachineOfAMovedStore_isReadFromWhereTheStoreIsNow_asAGenericMachine() throws Exception {
        var writer = DockerMachineStoreWriter.create(home.resolve("alice/.docker/machine"), "alice");
        var written = writer.generic("web", IP, "root", 22, sshKey, DockerMachineStoreWriter.Engine.defaults());
        var moved = Files.move(home.resolve("alice"), home.resolve("moved-alice")).resolve(".docker/machine");

        var reading = DockerMachineStore.at(moved).read("web", null);

        var machine = readable(reading);
        assertThat(machine.plan().driver()).isEqualTo("generic");
        assertThat(machine.plan().dockerUrl()).isEqualTo("tcp://" + IP + ":2376");
        assertThat(machine.plan().driverOptions().values()).containsExactlyInAnyOrderEntriesOf(Map.of(
                "ip-address", IP, "ssh-user", "root", "ssh-port", "22", "engine-port", "2376"));
        assertThat(machine.configVersion()).isEqualTo(3);
        assertThat(machine.material().caCert()).isEqualTo(writer.ca().certificatePem());
        assertThat(machine.material().caKey()).isEqualTo(writer.ca().keyPem());
        assertThat(machine.material().serverCert()).isEqualTo(written.server().certificatePem());
        assertThat(machine.material().sshKey()).isEqualTo(Files.readString(sshKey));
        assertThat(machine.settings().kept()).containsEntry("IPAddress", IP).containsEntry("SSHPort", "22")
                .doesNotContainKeys("SSHKeyPath", "StorePath", "SSHKey");
        assertThat(machine.material().toString()).doesNotContain("PRIVATE KEY");
    }

    @Test
    void aCopiedStore_readsItsOwnFiles_evenWhereTheOriginalStillExists() throws Exception {
        var original = home.resolve("alice/.docker/machine");
        var writer = DockerMachineStoreWriter.create(original, "alice");
        writer.generic("web", IP, "root", 22, sshKey, DockerMachineStoreWriter.Engine.defaults());
        var copy = home.resolve("copy/machine");
        copyTree(original, copy);
        // the original moves on (docker-machine made a new CA there): the copy must not read it
        DockerMachineStoreWriter.create(original, "alice");

        var machine = readable(DockerMachineStore.at(copy).read("web", null));

        assertThat(machine.material().caCert()).isEqualTo(writer.ca().certificatePem());
    }

    @Test
    void aStoreWrittenOnWindows_findsItsFilesByTheirPlaceInTheStore() throws Exception {
        var store = home.resolve("win/machine");
        DockerMachineStoreWriter.create(store, "alice").generic("web", IP, "root", 22, sshKey,
                DockerMachineStoreWriter.Engine.defaults());
        var config = store.resolve("machines/web/config.json");
        // every path as docker-machine.exe wrote it: C:\Users\alice\.docker\machine\..., JSON-escaped
        var windows = java.util.regex.Pattern.compile(java.util.regex.Pattern.quote(store.toString()) + "([^\"]*)")
                .matcher(Files.readString(config)).replaceAll(match -> java.util.regex.Matcher.quoteReplacement(
                        ("C:\\\\Users\\\\alice\\\\.docker\\\\machine" + match.group(1)).replace("/", "\\\\")));
        Files.writeString(config, windows);
        assertThat(windows).contains("\"CaCertPath\": \"C:\\\\Users\\\\alice\\\\.docker\\\\machine\\\\certs\\\\ca.pem\"");

        assertThat(DockerMachineStore.at(store).read("web", null)).isInstanceOf(StoreReading.Readable.class);
    }

    @Test
    void aMachineWithAFileMissing_isSkippedNamingTheFile_andTheOthersStillRead() throws Exception {
        var store = home.resolve("machine");
        var writer = DockerMachineStoreWriter.create(store, "alice");
        writer.generic("web", IP, "root", 22, sshKey, DockerMachineStoreWriter.Engine.defaults());
        writer.generic("db", "10.213.0.98", "root", 22, sshKey, DockerMachineStoreWriter.Engine.defaults());
        Files.delete(store.resolve("machines/web/server-key.pem"));

        var readings = DockerMachineStore.at(store).readAll(null);

        assertThat(readings).extracting(StoreReading::name).containsExactly("db", "web");
        assertThat(readings.get(0)).isInstanceOf(StoreReading.Readable.class);
        assertThat(reason(readings.get(1))).isEqualTo("machines/web/server-key.pem is missing (config.json's "
                + "ServerKeyPath names " + store.resolve("machines/web/server-key.pem") + ")");
    }

    @Test
    void aCorruptCertificate_isSkippedWithoutQuotingIt() throws Exception {
        var store = home.resolve("machine");
        var writer = DockerMachineStoreWriter.create(store, "alice");
        writer.generic("web", IP, "root", 22, sshKey, DockerMachineStoreWriter.Engine.defaults());
        writer.generic("db", "10.213.0.98", "root", 22, sshKey, DockerMachineStoreWriter.Engine.defaults());
        writer.generic("cache", "10.213.0.97", "root", 22, sshKey, DockerMachineStoreWriter.Engine.defaults());
        var web = store.resolve("machines/web/server.pem");
        var text = Files.readString(web);
        // cut short, a line of its DER lost, and one bit of its signature flipped
        Files.writeString(web, text.substring(0, text.length() / 2));
        var db = store.resolve("machines/db/server.pem");
        var lines = new java.util.ArrayList<>(Files.readAllLines(db));
        lines.remove(5);
        Files.write(db, lines);
        var cache = store.resolve("machines/cache/server.pem");
        var der = java.util.Base64.getMimeDecoder().decode(Files.readString(cache)
                .replaceAll("-----[A-Z ]+-----", ""));
        der[der.length - 1] ^= 1;
        Files.writeString(cache, "-----BEGIN CERTIFICATE-----\n" + java.util.Base64.getMimeEncoder(64,
                new byte[] {'\n'}).encodeToString(der) + "\n-----END CERTIFICATE-----\n");
        var read = DockerMachineStore.at(store);

        assertThat(reason(read.read("web", null))).isEqualTo("machines/web/server.pem is not PEM text (no complete "
                + "BEGIN/END block); a certificate was expected").doesNotContain(text.substring(30, 60));
        assertThat(reason(read.read("db", null))).isEqualTo("machines/db/server.pem is not a valid X.509 "
                + "certificate (damaged or cut short)");
        assertThat(reason(read.read("cache", null))).startsWith("machines/cache/server.pem was not issued by the CA "
                + "in certs/ca.pem");
    }

    @Test
    void aServerKeyOfAnotherMachine_isSkipped() throws Exception {
        var store = home.resolve("machine");
        var writer = DockerMachineStoreWriter.create(store, "alice");
        writer.generic("web", IP, "root", 22, sshKey, DockerMachineStoreWriter.Engine.defaults());
        writer.generic("db", "10.213.0.98", "root", 22, sshKey, DockerMachineStoreWriter.Engine.defaults());
        Files.copy(store.resolve("machines/db/server-key.pem"), store.resolve("machines/web/server-key.pem"),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);

        assertThat(reason(DockerMachineStore.at(store).read("web", null))).isEqualTo("machines/web/server-key.pem "
                + "is not the key of machines/web/server.pem (the two come from different certificates)");
    }

    @Test
    void aServerCertificateOfAnOlderCa_isSkipped_withWhatToRun() throws Exception {
        var store = home.resolve("machine");
        DockerMachineStoreWriter.create(store, "alice").generic("web", IP, "root", 22, sshKey,
                DockerMachineStoreWriter.Engine.defaults());
        var newer = DockerMachineCertificates.ca("alice");
        Files.writeString(store.resolve("certs/ca.pem"), newer.certificatePem());
        Files.writeString(store.resolve("certs/ca-key.pem"), newer.keyPem());

        assertThat(reason(DockerMachineStore.at(store).read("web", null))).isEqualTo("machines/web/server.pem was "
                + "not issued by the CA in certs/ca.pem (the store's CA was made again since; docker-machine "
                + "regenerate-certs re-issues it)");
    }

    @Test
    void aCaKeyThatIsNotTheCas_isSkipped() throws Exception {
        var store = home.resolve("machine");
        DockerMachineStoreWriter.create(store, "alice").none("legacy", "tcp://10.213.0.97:2376");
        Files.writeString(store.resolve("certs/ca-key.pem"), DockerMachineCertificates.rsaPrivateKeyPem());

        assertThat(reason(DockerMachineStore.at(store).read("legacy", null))).isEqualTo("certs/ca-key.pem is not "
                + "the key of certs/ca.pem (the two come from different certificates)");
    }

    @Test
    void aServerCertificateForAnotherAddress_isSkipped() throws Exception {
        var store = home.resolve("machine");
        DockerMachineStoreWriter.create(store, "alice").generic("web", IP, "root", 22, sshKey,
                DockerMachineStoreWriter.Engine.defaults());
        var config = store.resolve("machines/web/config.json");
        Files.writeString(config, Files.readString(config).replace("\"" + IP + "\"", "\"10.213.0.42\""));

        assertThat(reason(DockerMachineStore.at(store).read("web", null))).isEqualTo("machines/web/server.pem "
                + "names " + IP + ", localhost but the machine is reached at 10.213.0.42; docker would refuse it "
                + "(run docker-machine regenerate-certs first)");
    }

    @Test
    void anAmazonMachine_becomesAnExistingDaemon_andItsCredentialsAreLeftOutByName() throws Exception {
        var store = home.resolve("machine");
        DockerMachineStoreWriter.create(store, "alice").driver("amazonec2", "cloud", "10.213.0.96", Map.of(
                "AccessKey", "AKIAEXAMPLEACCESSKEY", "SecretKey", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY",
                "SessionToken", "", "Region", "eu-west-1", "InstanceType", "t3.small", "SecurityGroupNames",
                List.of("docker-machine"), "RootSize", 16));

        var machine = readable(DockerMachineStore.at(store).read("cloud", null));

        assertThat(machine.driverName()).isEqualTo("amazonec2");
        assertThat(machine.plan().driver()).isEqualTo("none");
        assertThat(machine.plan().driverOptions().values()).isEqualTo(Map.of("url", "tcp://10.213.0.96:2376"));
        assertThat(machine.settings().kept()).containsEntry("Region", "eu-west-1")
                .containsEntry("InstanceType", "t3.small").containsEntry("RootSize", "16")
                .doesNotContainKeys("AccessKey", "SecretKey", "SecurityGroupNames");
        assertThat(machine.settings().leftOut()).contains("AccessKey", "SecretKey", "SecurityGroupNames",
                "SSHKeyPath", "StorePath");
        assertThat(machine.settings().toString()).doesNotContain("wJalrXUtnFEMI").doesNotContain("AKIAEXAMPLE");
        assertThat(machine.material().sshKey()).as("an existing daemon is not reached over SSH").isNull();
        assertThat(machine.plan().notes()).anyMatch(note -> note.startsWith("an existing daemon now: the platform "
                + "has no amazonec2 driver"));
    }

    @Test
    void aNoneMachine_hasNoServerCertificate_andNeedsNone() throws Exception {
        var store = home.resolve("machine");
        DockerMachineStoreWriter.create(store, "alice").none("legacy", "tcp://10.213.0.97:2376");

        var machine = readable(DockerMachineStore.at(store).read("legacy", null));

        assertThat(machine.plan().driver()).isEqualTo("none");
        assertThat(machine.plan().dockerUrl()).isEqualTo("tcp://10.213.0.97:2376");
        assertThat(machine.material().serverCert()).isNull();
        assertThat(machine.material().clientCert()).isNotNull();
    }

    @Test
    void aGenericMachineWithoutAKeyOfItsOwn_needsOneGiven() throws Exception {
        var store = home.resolve("machine");
        DockerMachineStoreWriter.create(store, "alice").generic("web", IP, "root", 22, sshKey,
                DockerMachineStoreWriter.Engine.defaults());
        var config = store.resolve("machines/web/config.json");
        Files.writeString(config, Files.readString(config).replaceAll("\"SSHKeyPath\": \"[^\"]*\"",
                "\"SSHKeyPath\": \"\""));
        var dockerMachineStore = DockerMachineStore.at(store);

        assertThat(reason(dockerMachineStore.read("web", null))).isEqualTo("its folder holds no SSH key "
                + "(docker-machine used your default key or agent for it); give the key with --ssh-key FILE");
        assertThat(readable(dockerMachineStore.read("web", sshKey)).material().sshKey())
                .isEqualTo(Files.readString(sshKey));
    }

    @Test
    void aPassphraseProtectedSshKey_isSkipped() throws Exception {
        var locked = home.resolve("locked");
        SshKeys.generate(locked, "a passphrase");
        var store = home.resolve("machine");
        DockerMachineStoreWriter.create(store, "alice").generic("web", IP, "root", 22, locked,
                DockerMachineStoreWriter.Engine.defaults());

        assertThat(reason(DockerMachineStore.at(store).read("web", null))).startsWith("machines/web/locked is "
                + "protected by a passphrase");
    }

    @Test
    void configVersionsItCannotRead_andBrokenJson_areRefusedWithWhatToDo() throws Exception {
        var store = home.resolve("machine");
        var writer = DockerMachineStoreWriter.create(store, "alice");
        writer.none("future", "tcp://10.213.0.97:2376");
        writer.none("ancient", "tcp://10.213.0.97:2376");
        writer.none("broken", "tcp://10.213.0.97:2376");
        var future = store.resolve("machines/future/config.json");
        Files.writeString(future, Files.readString(future).replace("\"ConfigVersion\": 3", "\"ConfigVersion\": 4"));
        var ancient = store.resolve("machines/ancient/config.json");
        Files.writeString(ancient, Files.readString(ancient).replace("\"ConfigVersion\": 3", "\"ConfigVersion\": 0"));
        Files.writeString(store.resolve("machines/broken/config.json"), "{\"AccessKey\": \"AKIASECRET\", ");
        var read = DockerMachineStore.at(store);

        assertThat(reason(read.read("future", null))).startsWith("config.json has ConfigVersion 4, newer than "
                + "docker-machine 0.16's 3");
        assertThat(reason(read.read("ancient", null))).contains("run docker-machine ls once with docker-machine "
                + "0.16, which migrates it");
        assertThat(reason(read.read("broken", null))).startsWith("config.json is not valid JSON (line 1")
                .doesNotContain("AKIASECRET");
    }

    @Test
    void aVersionOneConfig_findsItsCaKeyUnderItsOldName() throws Exception {
        var store = home.resolve("machine");
        DockerMachineStoreWriter.create(store, "alice").none("legacy", "tcp://10.213.0.97:2376");
        var config = store.resolve("machines/legacy/config.json");
        Files.writeString(config, Files.readString(config).replace("\"ConfigVersion\": 3", "\"ConfigVersion\": 1")
                .replace("\"CaPrivateKeyPath\"", "\"PrivateKeyPath\"").replaceAll("\"StorePath\": \"[^\"]*\",\n\\s*"
                        + "\"SwarmMaster\"", "\"SwarmMaster\""));

        assertThat(readable(DockerMachineStore.at(store).read("legacy", null)).configVersion()).isEqualTo(1);
    }

    @Test
    void theMachinesAreTheFoldersNotStartingWithADot() throws Exception {
        var store = home.resolve("machine");
        var writer = DockerMachineStoreWriter.create(store, "alice");
        writer.none("b-2", "tcp://10.213.0.97:2376");
        writer.none("a-1", "tcp://10.213.0.97:2376");
        Files.createDirectories(store.resolve("machines/.trash"));
        Files.writeString(store.resolve("machines/notes.txt"), "not a machine");

        assertThat(DockerMachineStore.at(store).names()).containsExactly("a-1", "b-2");
    }

    @Test
    void aPathThatIsNoStore_isRefusedSayingWhatIsThere() throws Exception {
        assertThatThrownBy(() -> DockerMachineStore.at(home.resolve("nowhere")))
                .hasMessage("there is no docker-machine store at " + home.resolve("nowhere") + " (nothing there)");
        Files.createDirectories(home.resolve("empty"));
        assertThatThrownBy(() -> DockerMachineStore.at(home.resolve("empty")))
                .hasMessage(home.resolve("empty") + " is not a docker-machine store: it has no machines/ folder");
    }

    @Test
    void engineOptions_carryOverWhatDaemonJsonCanHold_andSayWhatDoesNot() throws Exception {
        var store = home.resolve("machine");
        DockerMachineStoreWriter.create(store, "alice").generic("web", IP, "root", 22, sshKey,
                new DockerMachineStoreWriter.Engine(List.of("log-level=warn", "no-such-flag=1"),
                        List.of("team=blue", "provider=generic"), List.of("registry.local:5000"),
                        List.of("https://mirror.example.com"), List.of("HTTP_PROXY=http://user:pw@proxy:3128"),
                        "overlay2", "https://get.docker.com", List.of("docker.example.com")));

        var machine = readable(DockerMachineStore.at(store).read("web", null));

        var engine = machine.plan().engineOptions();
        assertThat(engine.flags()).containsExactly("log-level=warn", "insecure-registry=registry.local:5000",
                "storage-driver=overlay2", "registry-mirror=https://mirror.example.com");
        assertThat(engine.labels()).containsExactly("team=blue");
        assertThat(engine.tlsSans()).containsExactly("docker.example.com");
        assertThat(engine.installUrl()).as("docker-machine's default is no choice of the user's").isNull();
        assertThat(machine.engine().envNames()).containsExactly("HTTP_PROXY");
        assertThat(machine.plan().notes()).containsExactly(
                "engine option 'no-such-flag=1' not carried over: 'no-such-flag=1' is not a dockerd option "
                        + "Harbormaster can set",
                "label provider=generic left out: Harbormaster labels the hosts it configures itself",
                "engine environment HTTP_PROXY not carried over: dockerd's daemon.json has no place for it");
        assertThat(machine.toString()).doesNotContain("user:pw");
    }

    private static StoredMachine readable(StoreReading reading) {
        assertThat(reading).as(reading.toString()).isInstanceOf(StoreReading.Readable.class);
        return ((StoreReading.Readable) reading).machine();
    }

    private static String reason(StoreReading reading) {
        assertThat(reading).as(reading.toString()).isInstanceOf(StoreReading.Unreadable.class);
        return ((StoreReading.Unreadable) reading).reason();
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (var paths = Files.walk(from)) {
            for (var path : paths.toList()) {
                var target = to.resolve(from.relativize(path).toString());
                if (Files.isDirectory(path)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(path, target);
                }
            }
        }
    }
}
