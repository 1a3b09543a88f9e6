package io.harbormaster.command.provision;

import java.time.Duration;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code harbormaster.provisioning.*}: how Docker Engine is installed where it is missing, how long to wait for it,
 * and extra daemon settings.
 *
 * @param installCommand run on hosts without dockerd (default Docker's convenience script)
 * @param installTimeout how long the installation may take (default 10 min)
 * @param verifyTimeout how long to wait for the engine to answer over TLS after a restart (default 60 s)
 * @param labels extra daemon labels
 * @param storageDriver a storage driver to configure, or empty to leave the daemon's choice
 * @param upgradeCommand run by {@code upgrade} (default: the distribution's package manager upgrades the Docker
 *        packages it has installed)
 */
@ConfigurationProperties("harbormaster.provisioning")
public record ProvisioningSettings(String installCommand, Duration installTimeout, Duration verifyTimeout,
                                   Map<String, String> labels, String storageDriver, String upgradeCommand) {

    public ProvisioningSettings {
        installCommand = installCommand == null || installCommand.isBlank()
                ? "curl -fsSL https://get.docker.com | sh" : installCommand;
        installTimeout = installTimeout == null ? Duration.ofMinutes(10) : installTimeout;
        verifyTimeout = verifyTimeout == null ? Duration.ofSeconds(60) : verifyTimeout;
        labels = labels == null ? Map.of() : Map.copyOf(labels);
        storageDriver = storageDriver == null ? "" : storageDriver;
        upgradeCommand = upgradeCommand == null || upgradeCommand.isBlank()
                ? "if command -v apt-get >/dev/null; then apt-get update -q && apt-get install -y -q --only-upgrade "
                        + "$(dpkg-query -W -f='${Package}\\n' docker.io docker-ce containerd.io 2>/dev/null); "
                        + "elif command -v dnf >/dev/null; then dnf upgrade -y 'docker*' moby-engine; "
                        + "else echo 'no supported package manager' >&2; exit 1; fi"
                : upgradeCommand;
    }
}
