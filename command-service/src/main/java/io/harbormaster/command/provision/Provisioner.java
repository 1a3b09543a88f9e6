package io.harbormaster.command.provision;

import io.harbormaster.api.common.ControlCharacters;
import io.harbormaster.api.machine.EngineOptions;
import io.harbormaster.api.machine.MachineCertificates;
import io.harbormaster.command.cert.MachineTls;
import io.harbormaster.driver.DriverException;
import io.harbormaster.driver.HostShell;
import io.harbormaster.driver.SshTarget;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Installs and configures Docker Engine with TLS on a host over SSH, in six steps that are each reported: detect the
 * OS (with everything else the later steps need to know about the host, in one command: {@link HostFacts}), install
 * Docker Engine when it is missing, push the machine's TLS material, merge Harbormaster's settings into
 * {@code daemon.json}, restart the daemon (systemd when the host runs it, the init script or dockerd itself
 * otherwise) and verify with a mutual-TLS {@code GET /version} using a freshly issued client certificate. While the
 * certificates are pushed, sshd is made to trust the machine's SSH user CA on a second channel, reported on its own
 * before the push-certs step and never failing the creation ({@link SshUserCaTrust},
 * {@link SshUserCaTrustInBackground}).
 * Every step can run again on a host it already provisioned, so a retry or a resumed creation finishes the job. Over
 * 250 lines so the six steps read in order in one place.
 */
public class Provisioner {

    static final List<String> STEPS = List.of("detect-os", "install-docker", "push-certs", "configure-daemon",
            "restart-docker", "verify");
    private static final Logger log = LoggerFactory.getLogger(Provisioner.class);
    private static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(60);
    private static final String DOCKERD_PRESENT = "command -v dockerd >/dev/null 2>&1";
    /** Between two tries of a daemon coming up: a refused connection costs nothing, and each try ends the wait. */
    private static final Duration ENGINE_POLL = Duration.ofMillis(50);
    /** Debian's sysvinit, Alpine's OpenRC, older Red Hat: whichever the host has; failing to enable is not fatal. */
    private static final String ENABLE_AT_BOOT_WITHOUT_SYSTEMD = "{ if command -v update-rc.d; then "
            + "update-rc.d docker defaults && update-rc.d docker enable; elif command -v rc-update; then "
            + "rc-update add docker default; elif command -v chkconfig; then chkconfig docker on; fi; } "
            + ">/dev/null 2>&1 </dev/null; ";

    private final MachineTls tls;
    private final ProvisioningSettings settings;

    public Provisioner(MachineTls tls, ProvisioningSettings settings) {
        this.tls = tls;
        this.settings = settings;
    }

    /**
     * Provisions the host behind {@code shell} with the machine's engine options (flags and labels into
     * {@code daemon.json}, the install URL where Docker Engine is missing) and makes its sshd trust the SSH user CA
     * {@code sshUserCaKey} (an {@code authorized_keys} line; null to leave sshd alone); answers the Docker Engine
     * version it verified.
     */
    public String provision(String machineName, SshTarget target, String dockerUrl, int enginePort,
                            Supplier<MachineCertificates> certificates, EngineOptions engine, String sshUserCaKey,
                            HostShell shell, ProvisioningProgress progress) {
        engine = engine == null ? EngineOptions.none() : engine;
        var root = "root".equals(target.user());
        var facts = lookAt(shell);
        var os = OsRelease.parse(facts.osRelease().orElseThrow(() -> new ProvisioningException("detect-os",
                "The host has no /etc/os-release. Harbormaster provisions Linux hosts that have one (Debian, Ubuntu, "
                        + "Fedora, …).")));
        progress.started(os.prettyName());
        progress.stepCompleted(STEPS.get(0), 1, STEPS.size());

        var installed = installDocker(shell, root, engine.installUrl(), facts.dockerd());
        // an installation may have written daemon.json or systemd's directory: what was seen before it is stale
        var systemd = installed ? shell.run("test -d /run/systemd/system", COMMAND_TIMEOUT).ok() : facts.systemd();
        var daemonJson = installed ? shell.read("/etc/docker/daemon.json") : facts.daemonJson();
        progress.stepCompleted(STEPS.get(1), 2, STEPS.size());

        // Docker Engine is what the machine is for: sshd trouble is reported, and provisioning goes on
        var userCaTrust = sshUserCaKey == null ? null
                : SshUserCaTrustInBackground.start(() -> trustSshUserCa(target, shell, sshUserCaKey));
        MachineCertificates minted;
        try {
            minted = certificates.get();
            pushCertificates(shell, root, minted);
        } catch (RuntimeException e) {
            // nothing may still run on the session once it closes, and what sshd got to is worth recording
            if (userCaTrust != null) {
                userCaTrust.reportAfterFailure(progress);
            }
            throw e;
        }
        if (userCaTrust != null) {
            userCaTrust.report(progress);
        }
        progress.stepCompleted(STEPS.get(2), 3, STEPS.size());

        configureDaemon(shell, root, systemd, daemonJson.orElse(null), machineName, enginePort, engine);
        progress.stepCompleted(STEPS.get(3), 4, STEPS.size());

        // the client certificate for the verification is issued before the restart, not while the engine comes up
        try (var connection = EngineConnection.open(tls, dockerUrl, minted)) {
            restart(shell, root, systemd);
            progress.stepCompleted(STEPS.get(4), 5, STEPS.size());

            var version = verify(connection);
            progress.stepCompleted(STEPS.get(5), 6, STEPS.size());
            log.info("Provisioned machine {}: Docker Engine {} at {}", machineName, version, dockerUrl);
            return version;
        }
    }

    /**
     * Restarts dockerd so it reads new TLS material; containers keep running ({@code live-restore}). A host whose
     * daemon.json does not point at Harbormaster's certificates was configured elsewhere (a generic machine brought in
     * with {@code hm import}, whose dockerd docker-machine configured): its daemon is configured first, as
     * provisioning does, so the new material is what dockerd reads.
     */
    public void restartWithNewCertificates(String machineName, String dockerUrl, EngineOptions engine,
                                           SshTarget target, MachineCertificates certificates, HostShell shell) {
        var root = "root".equals(target.user());
        pushCertificates(shell, root, certificates);
        var systemd = shell.run("test -d /run/systemd/system", COMMAND_TIMEOUT).ok();
        if (!DaemonConfig.usesHarbormasterCertificates(shell.read("/etc/docker/daemon.json").orElse(null))) {
            log.info("Machine {}: dockerd was configured elsewhere (docker-machine); configuring it as provisioning "
                    + "does", machineName);
            configureDaemon(shell, root, systemd, shell.read("/etc/docker/daemon.json").orElse(null), machineName,
                    URI.create(dockerUrl).getPort(), engine);
        }
        restart(shell, root, systemd);
        verify(dockerUrl, certificates);
    }

    /**
     * Makes the host's sshd trust the SSH user CA {@code caPublicKey} ({@code TrustedUserCAKeys}, see
     * {@link SshUserCaTrust}) and answers the file sshd reads it from. Safe to repeat. Throws a
     * {@link ProvisioningException} that says why when it cannot, with sshd's configuration left as it was.
     */
    public String trustSshUserCa(SshTarget target, HostShell shell, String caPublicKey) {
        var result = shell.run(privileged("root".equals(target.user()), SshUserCaTrust.script(caPublicKey)),
                COMMAND_TIMEOUT);
        var file = SshUserCaTrust.trustedKeysFile(result.stdout());
        if (!result.ok() || file == null) {
            throw new ProvisioningException("push-certs", "The host's sshd could not be made to trust the machine's "
                    + "SSH user CA (exit " + result.exitStatus() + "): " + result.failureText() + ".");
        }
        log.info("sshd on {} trusts the machine's SSH user CA in {}", target.address(), file);
        return file;
    }

    /**
     * Merges Harbormaster's settings into daemon.json ({@code existing}, null when there is none), moves
     * docker-machine's daemon options aside, and on systemd hosts replaces the unit's command line with a plain
     * dockerd.
     */
    private void configureDaemon(HostShell shell, boolean root, boolean systemd, String existing, String machineName,
                                 int enginePort, EngineOptions engine) {
        var merged = DaemonConfig.merge(existing, enginePort, machineName, settings.labels(), settings.storageDriver(),
                engine == null ? EngineOptions.none() : engine);
        put(shell, root, "/etc/docker/daemon.json", merged, 0644, "configure-daemon");
        require(shell, privileged(root, DockerMachineOptions.MOVE_ASIDE), "configure-daemon",
                "move docker-machine's daemon options aside");
        if (systemd) {
            // Debian's and Ubuntu's units pass -H fd://, which dockerd refuses next to "hosts" in daemon.json
            var dockerd = require(shell, "command -v dockerd", "configure-daemon", "find dockerd").stdout().strip();
            put(shell, root, "/etc/systemd/system/docker.service.d/10-harbormaster.conf", """
                    [Service]
                    ExecStart=
                    ExecStart=%s --containerd=/run/containerd/containerd.sock
                    """.formatted(dockerd), 0644, "configure-daemon");
        }
    }

    /**
     * Upgrades Docker Engine with the configured command and restarts it; answers the versions before and after.
     * Fails with the command's own output when the OS does not allow it.
     */
    public String[] upgrade(SshTarget target, HostShell shell, String dockerUrl, MachineCertificates certificates) {
        var root = "root".equals(target.user());
        var before = engineVersion(shell);
        var result = shell.run(privileged(root, settings.upgradeCommand()), settings.installTimeout());
        if (!result.ok()) {
            throw new ProvisioningException("upgrade", "Upgrading Docker Engine failed (exit " + result.exitStatus()
                    + "): " + result.failureText());
        }
        restart(shell, root, shell.run("test -d /run/systemd/system", COMMAND_TIMEOUT).ok());
        verify(dockerUrl, certificates);
        return new String[] {before, engineVersion(shell)};
    }

    /**
     * Waits until Docker Engine answers on the host (through its local socket) after the host rebooted; answers
     * its version. Fails when it does not come back within the verification timeout.
     */
    public String awaitEngine(SshTarget target, HostShell shell) {
        var root = "root".equals(target.user());
        var deadline = Instant.now().plus(settings.verifyTimeout());
        HostShell.Result last;
        do {
            last = shell.run(privileged(root, "docker version --format '{{.Server.Version}}'"), COMMAND_TIMEOUT);
            if (last.ok()) {
                return ControlCharacters.readable(last.stdout().strip());
            }
            sleep();
        } while (Instant.now().isBefore(deadline));
        throw new ProvisioningException("restart", "The host rebooted, but Docker Engine did not answer on it within "
                + settings.verifyTimeout().toSeconds() + " s (" + last.failureText() + "). It may not be enabled at "
                + "boot there: provision the machine again to configure and start it.");
    }

    /** The version {@code dockerd --version} reports on the host, e.g. {@code 20.10.24+dfsg1}. */
    public static String engineVersion(HostShell shell) {
        var version = shell.run("dockerd --version", COMMAND_TIMEOUT);
        var text = version.stdout().strip();
        // "Docker version 20.10.24+dfsg1, build 297e128"
        return ControlCharacters.readable(text.startsWith("Docker version ") ? text.substring(15).split(",")[0] : text);
    }

    /** The host's facts in one command: the detect-os step's round-trip, and the later steps' too. */
    private static HostFacts lookAt(HostShell shell) {
        var boundary = HostFacts.newBoundary();
        var result = shell.run(HostFacts.script(boundary), COMMAND_TIMEOUT);
        return HostFacts.parse(result.stdout(), boundary).filter(facts -> result.ok())
                .orElseThrow(() -> new ProvisioningException("detect-os", "Could not look at the host's "
                        + "/etc/os-release and Docker Engine (exit " + result.exitStatus() + "): "
                        + result.failureText()));
    }

    /** Writes the machine's CA, server certificate and key where daemon.json says dockerd finds them. */
    private void pushCertificates(HostShell shell, boolean root, MachineCertificates certificates) {
        var server = tls.server(certificates);
        put(shell, root, DaemonConfig.CA, server.caPem(), 0644, "push-certs");
        put(shell, root, DaemonConfig.CERT, server.certPem(), 0644, "push-certs");
        put(shell, root, DaemonConfig.KEY, server.keyPem(), 0600, "push-certs");
    }

    /**
     * Installs Docker Engine where {@code dockerd} is missing: with the machine's install URL when it has one
     * (docker-machine's {@code --engine-install-url}: the script is downloaded with curl, or wget, and run with
     * {@code sh}), otherwise with the platform's install command. A host that has dockerd ({@code present}) is left
     * as it is. Answers whether it installed.
     */
    boolean installDocker(HostShell shell, boolean root, String installUrl, boolean present) {
        if (present) {
            return false;
        }
        var how = installUrl == null ? settings.installCommand() : installFromUrl(installUrl);
        var what = installUrl == null ? "with '" + settings.installCommand() + "'" : "from " + installUrl;
        var result = shell.run(privileged(root, how), settings.installTimeout());
        if (!result.ok()) {
            throw new ProvisioningException("install-docker", "Docker Engine is not installed and installing it "
                    + what + " failed (exit " + result.exitStatus() + "): " + result.failureText() + ". Install "
                    + "Docker Engine on the host, or " + (installUrl == null
                            ? "set harbormaster.provisioning.install-command"
                            : "create the machine with an install URL that works there")
                    + ", then provision the machine again.");
        }
        if (!shell.run(DOCKERD_PRESENT, COMMAND_TIMEOUT).ok()) {
            throw new ProvisioningException("install-docker", "Installing Docker Engine " + what + " finished, but "
                    + "there is still no dockerd on the host's PATH. Install Docker Engine on the host, then provision "
                    + "the machine again.");
        }
        return true;
    }

    /** Downloads the script at {@code url} to a temporary file and runs it; the URL is quoted for the shell. */
    static String installFromUrl(String url) {
        var quoted = "'" + url.replace("'", "'\\''") + "'";
        return "f=$(mktemp) && { if command -v curl >/dev/null 2>&1; then curl -fsSL " + quoted + " -o \"$f\"; "
                + "else wget -qO \"$f\" " + quoted + "; fi; } && sh \"$f\"; s=$?; rm -f \"$f\"; exit $s";
    }

    /**
     * Restarts dockerd and makes sure it starts at boot too: Debian enables it when installed, other distributions
     * (Fedora, CentOS) do not, and a machine whose daemon is gone after a reboot is not running for its users.
     */
    private void restart(HostShell shell, boolean root, boolean systemd) {
        var command = systemd
                ? "systemctl daemon-reload && { systemctl enable docker >/dev/null 2>&1 || true; } "
                        + "&& systemctl restart docker"
                // the init script when it works; dockerd itself otherwise (output and input detached, or the
                // session waits for the daemon)
                : ENABLE_AT_BOOT_WITHOUT_SYSTEMD + "(service docker restart || (pkill -x dockerd; sleep 1; "
                        + "nohup dockerd >/var/log/dockerd.log 2>&1 </dev/null &)) >/dev/null 2>&1 </dev/null";
        var result = shell.run(privileged(root, command), COMMAND_TIMEOUT);
        if (!result.ok()) {
            throw new ProvisioningException("restart-docker", "Docker Engine did not restart (exit "
                    + result.exitStatus() + "): " + result.failureText() + ". Its log on the host tells why "
                    + "(journalctl -u docker, or /var/log/dockerd.log).");
        }
    }

    /** Polls {@code GET /version} over mutual TLS until the daemon answers, as a client of the machine's CA. */
    String verify(String dockerUrl, MachineCertificates certificates) {
        try (var connection = EngineConnection.open(tls, dockerUrl, certificates)) {
            return verify(connection);
        }
    }

    /**
     * Polls {@code GET /version} over {@code connection} until the daemon answers. A daemon coming up refuses
     * connections at once, so it is asked again soon: how long this waits is the daemon's start, not a fixed sleep.
     */
    private String verify(EngineConnection connection) {
        var deadline = Instant.now().plus(settings.verifyTimeout());
        String lastProblem = "no answer";
        while (Instant.now().isBefore(deadline)) {
            try {
                var response = connection.get("/version", Duration.ofSeconds(5));
                if (response.statusCode() == 200) {
                    var body = response.body();
                    var at = body.indexOf("\"Version\":\"");
                    return at < 0 ? "unknown"
                            : ControlCharacters.readable(body.substring(at + 11, body.indexOf('"', at + 11)));
                }
                lastProblem = "HTTP " + response.statusCode();
            } catch (IOException e) {
                lastProblem = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ProvisioningException("verify", "Interrupted while waiting for Docker Engine.");
            }
            sleep(ENGINE_POLL);
        }
        throw new ProvisioningException("verify", "Docker Engine did not answer GET /version over TLS at "
                + connection.dockerUrl() + " within " + settings.verifyTimeout().toSeconds() + " s (last: "
                + lastProblem + "). Check that the engine port is open and dockerd is running on the host.");
    }

    private void put(HostShell shell, boolean root, String path, String content, int mode, String step) {
        var bytes = content.getBytes(StandardCharsets.UTF_8);
        try {
            if (root) {
                shell.upload(path, bytes, mode);
                return;
            }
            var temporary = "/tmp/harbormaster-" + UUID.randomUUID();
            shell.upload(temporary, bytes, 0600);
            require(shell, privileged(false, "install -D -m " + Integer.toOctalString(mode) + " " + temporary
                    + " " + path) + "; rm -f " + temporary, step, "install " + path);
        } catch (DriverException e) {
            throw new ProvisioningException(step, "Could not write " + path + " on the host: " + e.getMessage(), e);
        }
    }

    private static HostShell.Result require(HostShell shell, String command, String step, String what) {
        var result = shell.run(command, COMMAND_TIMEOUT);
        if (!result.ok()) {
            throw new ProvisioningException(step, "Could not " + what + " on the host (exit " + result.exitStatus()
                    + "): " + result.failureText());
        }
        return result;
    }

    /** Root runs commands as they are; another user through {@code sudo -n}, which must not ask for a password. */
    private static String privileged(boolean root, String command) {
        return root ? command : "sudo -n sh -c '" + command.replace("'", "'\\''") + "'";
    }

    private static void sleep() {
        sleep(Duration.ofMillis(250));
    }

    private static void sleep(Duration pause) {
        try {
            Thread.sleep(pause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
