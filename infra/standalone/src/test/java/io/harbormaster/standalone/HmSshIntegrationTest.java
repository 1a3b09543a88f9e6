package io.harbormaster.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import io.harbormaster.api.machine.MachineId;
import io.harbormaster.command.secret.SecretPath;
import io.harbormaster.command.secret.SecretStore;
import io.harbormaster.testing.TestHost;
import io.harbormaster.testing.TestHosts;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * {@code hm ssh} and {@code hm scp} as users run them: the built {@code hm} as a process per workstation, the real
 * OpenSSH client, a generic machine on a real test host whose sshd the provisioner made trust the machine's SSH user
 * CA. A member runs commands and copies files; a viewer and an outsider are refused; every certificate is in the
 * history, without a key. Dave held the machine while only a viewer of the team: after a hand-off that revokes his
 * access he gets no new certificate, and the one he had stops working when it expires (the platform signs them for
 * 8 s here). A machine whose history has no trusted CA, as one provisioned before Harbormaster signed SSH
 * certificates, is refused with what to do, and works after {@code hm regenerate-certs}.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@ExtendWith(OutputCaptureExtension.class)
class HmSshIntegrationTest {

    private static final String PASSWORD = "hm-ssh-password-for-tests";
    private static final String HOST_NAME = "ssc-e2e-a";
    private static final String HOST_IP = "10.213.0.202";
    private static final String MACHINE = "ssh-1";
    private static final Duration VALIDITY = Duration.ofSeconds(8);

    @TempDir
    static Path workspace;

    private static RunningPlatform platform;
    private static TestHost host;
    private static Path key;
    private static String team;
    private static String machineId;
    private static HmWorkstation alice;
    private static HmWorkstation bob;
    private static HmWorkstation vic;
    private static HmWorkstation dave;
    private static HmWorkstation carol;

    @BeforeAll
    static void start() throws Exception {
        Assumptions.assumeTrue(TestHosts.available(), () -> "test hosts unavailable: " + TestHosts.unavailableReason());
        key = TestHostMachines.newKey(workspace, "id_ed25519");
        host = TestHosts.up(HOST_NAME, HOST_IP, TestHostMachines.publicKey(key));
        platform = RunningPlatform.startOnFreshDatabase(
                "--harbormaster.ssh.user-certificate-validity=" + VALIDITY.toSeconds() + "s");
        var admin = platform.admin();
        team = admin.post("/api/teams", "{\"name\":\"ssh-team\"}").text("teamId");
        alice = user("alice", "OWNER");
        bob = user("bob", "MEMBER");
        vic = user("vic", "VIEWER");
        dave = user("dave", "MEMBER");
        carol = user("carol", null);
    }

    private static HmWorkstation user(String name, String role) throws Exception {
        var admin = platform.admin();
        var id = admin.post("/api/users", "{\"username\":\"%s\",\"displayName\":\"%s\"}".formatted(name, name))
                .text("userId");
        admin.put("/api/users/" + id + "/password", "{\"password\":\"" + PASSWORD + "\"}");
        if (role != null) {
            admin.post("/api/teams/" + team + "/members", "{\"userId\":\"%s\",\"role\":\"%s\"}".formatted(id, role));
        }
        var workstation = new HmWorkstation(Files.createDirectories(workspace.resolve(name + "-laptop")));
        var login = workstation.hmWithInput(PASSWORD + "\n", "login", platform.baseUrl(), "-u", name,
                "--password-stdin");
        assertThat(login.exitCode()).as(login.err()).isZero();
        return workstation;
    }

    @AfterAll
    static void stop() {
        TestHostMachines.stopAll(platform, host == null ? List.of() : List.of(host));
    }

    @Test
    @Order(1)
    void provisioningMakesTheHostsSshdTrustTheMachinesSshUserCa() {
        var create = dave.hm("create", "-d", "generic", "--generic-ip-address", HOST_IP, "--generic-ssh-key",
                key.toString(), MACHINE);

        assertThat(create.exitCode()).as(create.out() + create.err()).isZero();
        machineId = platform.admin().get("/api/machines/by-name?name=" + MACHINE).text("id");
        assertThat(history()).anySatisfy(line -> assertThat(line).startsWith("SshUserCaInstalled: SSH user CA "
                + "SHA256:").endsWith(" trusted by the host's sshd (/etc/ssh/harbormaster_user_ca.pub)"));
        assertThat(host.exec("cat", "/etc/ssh/harbormaster_user_ca.pub").stdout())
                .endsWith(" harbormaster-user-ca-" + machineId + "\n");
        assertThat(host.exec("sh", "-c", "sshd -T | grep ^trustedusercakeys").stdout())
                .isEqualTo("trustedusercakeys /etc/ssh/harbormaster_user_ca.pub\n");
    }

    @Test
    @Order(2)
    void aMemberRunsCommandsOnTheHost_andHmExitsWithTheirStatus() {
        var first = bob.hm("ssh", MACHINE, "true");
        var hostname = bob.hm("ssh", MACHINE, "cat", "/etc/hostname");
        var listing = bob.hm("ssh", MACHINE, "ls", "-d", "/etc/ssh");
        var failing = bob.hm("ssh", MACHINE, "--", "sh", "-c", "'exit 7'");

        assertThat(first.exitCode()).as(first.err()).isZero();
        assertThat(first.out()).isEmpty();
        assertThat(hostname.exitCode()).as(hostname.err()).isZero();
        assertThat(hostname.out()).isEqualTo(HOST_NAME + "\n");
        assertThat(listing.out()).isEqualTo("/etc/ssh\n");
        assertThat(failing.exitCode()).isEqualTo(7);
        var sshFolder = bob.home().resolve(".config/harbormaster/ssh");
        assertThat(sshFolder.resolve("id_ed25519")).exists();
        assertThat(TestHostMachines.read(sshFolder.resolve("known_hosts"))).startsWith("hm-" + machineId + " ");
    }

    @Test
    @Order(3)
    void aMemberCopiesFilesUpAndBack_andFoldersWithR() throws Exception {
        var local = Files.writeString(workspace.resolve("notes.txt"), "from bob's laptop\n");
        var tree = Files.createDirectories(workspace.resolve("site/css"));
        Files.writeString(tree.resolve("site.css"), "body { margin: 0 }\n");

        var up = bob.hm("scp", local.toString(), MACHINE + ":/root/notes.txt");
        var back = bob.hm("scp", MACHINE + ":/root/notes.txt", workspace.resolve("back.txt").toString());
        var folder = bob.hm("scp", "-r", workspace.resolve("site").toString(), MACHINE + ":/srv/");

        assertThat(up.exitCode()).as(up.err()).isZero();
        assertThat(host.exec("cat", "/root/notes.txt").stdout()).isEqualTo("from bob's laptop\n");
        assertThat(back.exitCode()).as(back.err()).isZero();
        assertThat(Files.readString(workspace.resolve("back.txt"))).isEqualTo("from bob's laptop\n");
        assertThat(folder.exitCode()).as(folder.err()).isZero();
        assertThat(host.exec("cat", "/srv/site/css/site.css").stdout()).isEqualTo("body { margin: 0 }\n");
    }

    @Test
    @Order(4)
    void aViewerAndAnOutsiderAreRefused_inOneLine() {
        var viewer = vic.hm("ssh", MACHINE, "true");
        var viewerCopy = vic.hm("scp", MACHINE + ":/etc/hostname", workspace.resolve("vic.txt").toString());
        var outsider = carol.hm("ssh", MACHINE, "true");

        assertThat(viewer.exitCode()).isEqualTo(255);
        assertThat(viewer.err()).isEqualTo("No SSH certificate for you on " + MACHINE + ": You get no SSH "
                + "certificate for machine '" + MACHINE + "' because you may only view it (a certificate logs in to "
                + "its host as the user Harbormaster provisions it with): ask an owner of its team for the MEMBER "
                + "role, or its holder for a MEMBER share.\n");
        assertThat(viewerCopy.exitCode()).isEqualTo(1);
        assertThat(viewerCopy.err()).startsWith("No SSH certificate for you on " + MACHINE);
        assertThat(workspace.resolve("vic.txt")).doesNotExist();
        assertThat(outsider.exitCode()).isEqualTo(255);
        assertThat(outsider.err()).startsWith("Host does not exist: \"" + MACHINE + "\"").hasLineCount(1);
    }

    @Test
    @Order(5)
    void theHistoryAndTheAuditLogShowEveryCertificate_byTheKeysFingerprint() {
        var bobsKey = TestHostMachines.run(workspace, List.of("ssh-keygen", "-lf",
                bob.home().resolve(".config/harbormaster/ssh/id_ed25519.pub").toString())).split("\\s+")[1];

        var issued = history().stream().filter(line -> line.startsWith("SshCertIssued: ")).toList();
        var audit = alice.hm("audit", "--action", "SshCertIssued");

        // four runs of hm ssh and three of hm scp, each with a certificate of its own
        assertThat(issued).hasSize(7).allSatisfy(line -> assertThat(line).startsWith("SshCertIssued: SSH "
                + "certificate issued to bob for root, valid until ").contains("(key " + bobsKey + ", serial "));
        assertThat(audit.exitCode()).as(audit.err()).isZero();
        assertThat(audit.out().lines().filter(line -> line.contains("SSH certificate issued to bob"))).hasSize(7);
    }

    @Test
    @Order(6)
    void afterARevokingHandOff_thePreviousHolderGetsNoCertificate_andTheirLastOneWorksOnlyUntilItExpires()
            throws Exception {
        // Dave created the machine and holds it; as a viewer of the team only his holding lets him use it.
        var daveId = platform.jdbc().sql("SELECT user_id::text FROM sec_account WHERE username = 'dave'")
                .query(String.class).single();
        assertThat(platform.admin().put("/api/teams/" + team + "/members/" + daveId, "{\"role\":\"VIEWER\"}")
                .status()).isEqualTo(200);
        var issuedAt = Instant.now();
        assertThat(dave.hm("ssh", MACHINE, "true").exitCode()).isZero();
        var kept = Files.copy(dave.home().resolve(".config/harbormaster/ssh/certificates/" + machineId + "-cert.pub"),
                workspace.resolve("daves-last-cert.pub"));
        assertThat(plainSsh(dave, kept).exitCode()).isZero();

        var handoff = alice.hm("handoff", MACHINE, "bob");

        assertThat(handoff.exitCode()).as(handoff.err()).isZero();
        var refused = dave.hm("ssh", MACHINE, "true");
        assertThat(refused.exitCode()).isEqualTo(255);
        assertThat(refused.err()).startsWith("No SSH certificate for you on " + MACHINE + ": You get no SSH "
                + "certificate for machine '" + MACHINE + "' because you may only view it");
        var untilExpired = Duration.between(Instant.now(), issuedAt.plus(VALIDITY).plusSeconds(2));
        if (untilExpired.isPositive()) {
            TestHostMachines.pause(untilExpired);
        }
        var expired = plainSsh(dave, kept);
        assertThat(expired.exitCode()).isEqualTo(255);
        assertThat(expired.err()).contains("Permission denied");
        assertThat(bob.hm("ssh", MACHINE, "true").exitCode()).isZero();
    }

    @Test
    @Order(7)
    void aMachineWhoseHostDoesNotTrustTheCaYet_isRefusedWithWhatToDo_andWorksAfterRegenerateCerts() {
        // The machine's history and host as before Harbormaster signed SSH certificates: the record of the trusted
        // CA becomes a repeat of the host key pin it followed, and the host's sshd trusts no CA.
        var rewritten = platform.jdbc().sql("""
                UPDATE domain_event_entry e SET payload_type = 'io.harbormaster.api.machine.SshHostKeyPinned',
                    payload = (SELECT p.payload FROM domain_event_entry p WHERE p.aggregate_identifier = e.aggregate_identifier
                               AND p.payload_type = 'io.harbormaster.api.machine.SshHostKeyPinned'
                               ORDER BY p.sequence_number LIMIT 1)
                WHERE e.aggregate_identifier = :id AND e.payload_type = 'io.harbormaster.api.machine.SshUserCaInstalled'""")
                .param("id", machineId).update();
        assertThat(rewritten).isEqualTo(1);
        assertThat(host.exec("sh", "-c", "rm /etc/ssh/sshd_config.d/harbormaster-user-ca.conf "
                + "/etc/ssh/harbormaster_user_ca.pub && kill -HUP \"$(cat /run/sshd.pid)\"").exitCode()).isZero();

        var before = bob.hm("ssh", MACHINE, "true");

        assertThat(before.exitCode()).isEqualTo(255);
        assertThat(before.err()).isEqualTo("The host of machine '" + MACHINE + "' does not trust its SSH user CA "
                + "yet: machines created or imported before Harbormaster signed SSH certificates get it on their next "
                + "provisioning or certificate regeneration. To get it now, provision it again (hm provision "
                + MACHINE + ") or regenerate its certificates (hm regenerate-certs " + MACHINE + "), then ask "
                + "again.\n");

        var regenerate = bob.hm("regenerate-certs", "-f", MACHINE);

        assertThat(regenerate.exitCode()).as(regenerate.out() + regenerate.err()).isZero();
        var after = bob.hm("ssh", MACHINE, "cat", "/etc/hostname");
        assertThat(after.exitCode()).as(after.err()).isZero();
        assertThat(after.out()).isEqualTo(HOST_NAME + "\n");
    }

    @Test
    @Order(8)
    void noKeyOrCertificateIsStoredOrPrinted_onlyFingerprints(CapturedOutput output) throws Exception {
        var store = platform.bean(SecretStore.class);
        var caKey = store.require(SecretPath.machineSshUserCa(MachineId.of(machineId))).value("private-key");
        var bobsFolder = bob.home().resolve(".config/harbormaster/ssh");
        var secrets = List.of(
                TestHostMachines.bodySlice(caKey),
                TestHostMachines.bodySlice(Files.readString(bobsFolder.resolve("id_ed25519"))),
                middle(Files.readString(bobsFolder.resolve("id_ed25519.pub")).split(" ")[1]),
                middle(Files.readString(bobsFolder.resolve("certificates/" + machineId + "-cert.pub")).split(" ")[1]));

        var stored = new StringBuilder();
        platform.jdbc().sql("SELECT convert_from(payload, 'UTF8') || convert_from(meta_data, 'UTF8') "
                + "FROM domain_event_entry").query(String.class).list().forEach(stored::append);
        for (var table : platform.jdbc().sql("SELECT table_name FROM information_schema.tables "
                + "WHERE table_schema = 'public' AND table_type = 'BASE TABLE'").query(String.class).list()) {
            platform.jdbc().sql("SELECT t::text FROM " + table + " t").query(String.class).list()
                    .forEach(stored::append);
        }
        for (var secret : secrets) {
            assertThat(stored).as("tables and events").doesNotContain(secret);
            assertThat(output.getAll()).as("the platform's output").doesNotContain(secret);
        }
        assertThat(stored).contains("SshCertIssued", "harbormaster:bob:" + MACHINE);
    }

    // ------------------------------------------------------------------ helpers

    private static List<String> history() {
        return TestHostMachines.history(platform.admin(), machineId);
    }

    /** The real ssh, without hm, with the user's key and a certificate they kept, checking hm's known_hosts. */
    private static HmWorkstation.Run plainSsh(HmWorkstation user, Path certificate) {
        var folder = user.home().resolve(".config/harbormaster/ssh");
        return user.runIn(workspace, List.of("ssh", "-F", "/dev/null", "-i", folder.resolve("id_ed25519").toString(),
                "-o", "CertificateFile=" + certificate, "-o", "IdentitiesOnly=yes", "-o", "IdentityAgent=none",
                "-o", "BatchMode=yes", "-o", "UserKnownHostsFile=" + folder.resolve("known_hosts"),
                "-o", "HostKeyAlias=hm-" + machineId, "-o", "StrictHostKeyChecking=yes", "-o", "LogLevel=ERROR",
                "root@" + HOST_IP, "true"), "");
    }

    /** Twenty characters from the middle of a base64 text. */
    private static String middle(String base64) {
        return base64.substring(base64.length() / 2 - 10, base64.length() / 2 + 10);
    }
}
