package io.harbormaster.cli;

import static io.harbormaster.cli.TeamFixtures.MACHINE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.harbormaster.cli.StubServer.Answer;
import io.harbormaster.cli.StubServer.Request;
import io.harbormaster.cli.TeamFixtures.Routes;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * hm ssh and hm scp with the real OpenSSH client against a real sshd on 127.0.0.1 that trusts a user CA, and a
 * stand-in of the REST API that signs the posted key with that CA ({@code ssh-keygen -s}, as the platform would): the
 * workstation's key made once, hm's own known_hosts checked against the pinned host key, the remote command's exit
 * status, copies both ways, and every refusal in one line before ssh runs.
 */
class HmSshTest {

    private static final String PATH = "/usr/local/bin:/usr/bin:/bin:/usr/sbin:/sbin";
    private static final Pattern PUBLIC_KEY = Pattern.compile("\"publicKey\":\"([^\"]+)\"");

    private final StubServer server = new StubServer();
    private final Routes routes = new Routes();
    private TrustingSshd sshd;
    private String pinnedFingerprint;

    @TempDir
    Path home;
    @TempDir
    Path work;

    @BeforeEach
    void start() {
        assumeTrue(TrustingSshd.available(), "sshd, ssh and ssh-keygen are needed (apt-get install -y "
                + "openssh-server openssh-client): the ssh tests are skipped");
        sshd = TrustingSshd.start(work);
        pinnedFingerprint = sshd.hostKeyFingerprint();
        routes.on("GET /api/machines/by-name", TeamFixtures::webOneByName)
                .on("POST /api/machines/" + MACHINE + "/ssh-certificate", this::certificate);
        server.answer(routes);
    }

    @AfterEach
    void stop() {
        server.close();
        if (sshd != null) {
            sshd.close();
        }
    }

    private Answer certificate(Request request) {
        var key = PUBLIC_KEY.matcher(request.body());
        assertThat(key.find()).as(request.body()).isTrue();
        var certificate = sshd.certify(key.group(1), "harbormaster:alice:web-1");
        return Answer.json("""
                {"machineName":"web-1","certificate":"%s","user":"%s","host":"127.0.0.1","port":%d,\
                "principals":["%s"],"keyId":"harbormaster:alice:web-1","serial":"42",\
                "validAfter":"2026-12-07T09:58:00Z","validBefore":"2026-12-07T10:05:00Z",\
                "hostKeyType":"ssh-ed25519","hostKeyFingerprint":"%s","caFingerprint":"SHA256:x"}"""
                .formatted(certificate, TrustingSshd.USER, sshd.port(), TrustingSshd.USER, pinnedFingerprint));
    }

    private Hm.Result hm(String... args) {
        return hmWithPath(PATH, args);
    }

    private Hm.Result hmWithPath(String path, String... args) {
        var environment = new HashMap<>(Map.of("HM_URL", server.url(), "HM_TOKEN", "hm_pat_test", "PATH", path,
                "HM_WORKSTATION_NAME", "laptop"));
        return Hm.runAt(home, environment, "", args);
    }

    private Path sshFolder() {
        return home.resolve(".config/harbormaster/ssh");
    }

    @Test
    void runsTheCommandOnTheHost_andExitsWithItsStatus_optionsAfterTheMachineIncluded() throws IOException {
        var made = work.resolve("made-there");

        var touched = hm("ssh", "web-1", "touch", made.toString());
        var listed = hm("ssh", "web-1", "ls", "-la", made.toString());
        var failed = hm("ssh", "web-1", "--", "sh", "-c", "'exit 3'");

        assertThat(touched.exitCode()).as(touched.err()).isZero();
        assertThat(made).exists();
        assertThat(listed.exitCode()).as(listed.err()).isZero();
        assertThat(failed.exitCode()).isEqualTo(3);
        assertThat(sshd.log()).contains("Accepted publickey for " + TrustingSshd.USER)
                .contains("ID harbormaster:alice:web-1");
    }

    @Test
    void hmsStandardInputIsTheRemoteCommands() throws IOException {
        var written = work.resolve("written-there");
        var environment = new HashMap<>(Map.of("HM_URL", server.url(), "HM_TOKEN", "hm_pat_test", "PATH", PATH));

        var run = Hm.runAt(home, environment, "typed on the workstation\n", "ssh", "web-1", "sh", "-c",
                "'cat > " + written + "'");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(Files.readString(written)).isEqualTo("typed on the workstation\n");
    }

    @Test
    void theWorkstationsKeyIsMadeOnFirstUse_private_andKeptForLaterRuns() throws IOException {
        assertThat(hm("ssh", "web-1", "true").exitCode()).isZero();
        var key = sshFolder().resolve("id_ed25519");
        var first = Files.readString(Path.of(key + ".pub"));

        assertThat(hm("ssh", "web-1", "true").exitCode()).isZero();

        assertThat(Files.getPosixFilePermissions(sshFolder())).isEqualTo(PosixFilePermissions.fromString("rwx------"));
        assertThat(Files.getPosixFilePermissions(key)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
        assertThat(Files.getPosixFilePermissions(sshFolder().resolve("certificates/" + MACHINE + "-cert.pub")))
                .isEqualTo(PosixFilePermissions.fromString("rw-------"));
        assertThat(Files.readString(Path.of(key + ".pub"))).isEqualTo(first).startsWith("ssh-ed25519 ")
                .endsWith(" hm@laptop\n");
        var posted = server.requests.stream().filter(r -> r.method().equals("POST")).map(Request::body).toList();
        assertThat(posted).hasSize(2).allSatisfy(body -> assertThat(body)
                .isEqualTo("{\"publicKey\":\"" + first.strip() + "\"}"));
    }

    @Test
    void theHostIsKnownByItsPinnedKeyUnderTheMachinesAlias_andAStaleEntryIsReplaced() throws IOException {
        var knownHosts = sshFolder().resolve("known_hosts");
        Files.createDirectories(sshFolder());
        // what a host rebuilt since (and its new key pinned again) leaves behind
        Files.writeString(knownHosts, "hm-" + MACHINE + " ssh-ed25519 "
                + "AAAAC3NzaC1lZDI1NTE5AAAAIBVsjcLpX6YDSb5iaOJDb3Nsi3ijHCgTzhaxf3hFB5qE\n"
                + "other-host ssh-ed25519 AAAA\n");

        var run = hm("ssh", "web-1", "true");

        assertThat(run.exitCode()).as(run.err()).isZero();
        var lines = Files.readAllLines(knownHosts);
        assertThat(lines).hasSize(2).contains("other-host ssh-ed25519 AAAA");
        var entry = lines.stream().filter(line -> line.startsWith("hm-" + MACHINE + " ")).findFirst().orElseThrow();
        var scanned = work.resolve("scanned");
        Files.writeString(scanned, entry.substring(entry.indexOf(' ') + 1) + "\n");
        assertThat(TrustingSshd.run("ssh-keygen", "-lf", scanned.toString())).contains(pinnedFingerprint);
    }

    @Test
    void aHostThatPresentsAnotherKeyThanThePinnedOne_isNotLoggedInto() {
        pinnedFingerprint = "SHA256:" + "A".repeat(43);
        var made = work.resolve("must-not-exist");

        var run = hm("ssh", "web-1", "touch", made.toString());

        assertThat(run.exitCode()).isEqualTo(255);
        assertThat(run.err()).startsWith("The host at 127.0.0.1:" + sshd.port() + " presents the host key "
                + "ssh-ed25519 " + sshd.hostKeyFingerprint() + ", not " + pinnedFingerprint
                + " that Harbormaster pinned for web-1, so hm did not connect").contains("PUT /api/machines/" + MACHINE
                + "/ssh-host-key").hasLineCount(1);
        assertThat(made).doesNotExist();
        assertThat(sshd.log()).doesNotContain("Accepted publickey");
    }

    @Test
    void scpCopiesUpAndBack_andFoldersWithR() throws IOException {
        var local = Files.writeString(work.resolve("notes.txt"), "from the workstation\n");
        var remote = work.resolve("on-the-host.txt");
        var back = work.resolve("back.txt");
        var folder = Files.createDirectories(work.resolve("site/css"));
        Files.writeString(folder.resolve("a.css"), "body {}\n");

        var up = hm("scp", local.toString(), "web-1:" + remote);
        var down = hm("scp", "web-1:" + remote, back.toString());
        var tree = hm("scp", "-r", work.resolve("site").toString(), "web-1:" + work.resolve("site-copy"));

        assertThat(up.exitCode()).as(up.err()).isZero();
        assertThat(down.exitCode()).as(down.err()).isZero();
        assertThat(tree.exitCode()).as(tree.err()).isZero();
        assertThat(Files.readString(back)).isEqualTo("from the workstation\n");
        assertThat(Files.readString(work.resolve("site-copy/css/a.css"))).isEqualTo("body {}\n");
        assertThat(hm("scp", "web-1:" + work.resolve("nothing-there"), back.toString()).exitCode()).isNotZero();
    }

    @Test
    void scpBetweenTwoMachinesOrTwoLocalPaths_isRefusedBeforeAskingTheServer() {
        var both = hm("scp", "web-1:/etc/hostname", "web-2:/tmp/hostname");
        var neither = hm("scp", "./a:b", "/tmp/c");

        assertThat(both.exitCode()).isEqualTo(1);
        assertThat(both.err()).isEqualTo("hm scp copies between this workstation and one machine, and both "
                + "web-1:/etc/hostname and web-2:/tmp/hostname name a machine. Copy through here: hm scp "
                + "web-1:/etc/hostname ./copy && hm scp ./copy web-2:/tmp/hostname\n");
        assertThat(neither.exitCode()).isEqualTo(1);
        assertThat(neither.err()).startsWith("Neither ./a:b nor /tmp/c names a machine");
        assertThat(server.requests).isEmpty();
    }

    @Test
    void aViewer_isToldWhyInOneLine_andSshDoesNotRun() {
        routes.on("POST /api/machines/" + MACHINE + "/ssh-certificate", Answer.problem(403, """
                {"type":"https://harbormaster.dev/problems/forbidden","title":"Forbidden","status":403,\
                "detail":"You get no SSH certificate for machine 'web-1' because you may only view it."}"""));

        var run = hm("ssh", "web-1", "true");

        assertThat(run.exitCode()).isEqualTo(255);
        assertThat(run.err()).isEqualTo("No SSH certificate for you on web-1: You get no SSH certificate for "
                + "machine 'web-1' because you may only view it.\n");
        // the one connection is the test's own, waiting for sshd's banner
        assertThat(sshd.log().split("Connection from", -1)).hasSize(2);
    }

    @Test
    void aHostThatDoesNotTrustTheCaYet_getsTheServersAdvice() {
        routes.on("POST /api/machines/" + MACHINE + "/ssh-certificate", Answer.problem(409, """
                {"type":"https://harbormaster.dev/problems/ssh-user-ca-not-trusted","title":"Ssh user ca not \
                trusted","status":409,"detail":"The host of machine 'web-1' does not trust its SSH user CA yet: \
                provision it again (hm provision web-1) or regenerate its certificates (hm regenerate-certs web-1), \
                then ask again."}"""));

        var run = hm("ssh", "web-1");

        assertThat(run.exitCode()).isEqualTo(255);
        assertThat(run.err()).contains("does not trust its SSH user CA yet").contains("hm provision web-1")
                .contains("hm regenerate-certs web-1").hasLineCount(1);
    }

    @Test
    void withoutOpenSshOnThePath_hmSaysHowToGetIt_beforeAskingTheServer() throws IOException {
        var empty = Files.createDirectories(work.resolve("empty-bin"));

        var ssh = hmWithPath(empty.toString(), "ssh", "web-1", "true");
        var scp = hmWithPath(empty.toString(), "scp", "./a", "web-1:/tmp/a");

        assertThat(ssh.exitCode()).isEqualTo(255);
        assertThat(ssh.err()).isEqualTo("ssh (OpenSSH's client) is not on your PATH. Install it (Debian, Ubuntu: "
                + "apt-get install openssh-client; Fedora: dnf install openssh-clients; macOS has it) and run hm "
                + "again.\n");
        assertThat(scp.exitCode()).isEqualTo(1);
        assertThat(scp.err()).startsWith("scp (OpenSSH's client) is not on your PATH.");
        assertThat(server.requests).isEmpty();
    }
}
