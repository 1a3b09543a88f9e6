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
 */
@ConfigurationProperties("harbormaster.provisioning")
public record ProvisioningSettings(String installCommand, Duration installTimeout, Duration verifyTimeout,
                                   Map<String, String> labels, String storageDriver) {

    public ProvisioningSettings {
        installCommand = installCommand == null || installCommand.isBlank()
                ? "curl -fsSL https://get.docker.com | sh" : installCommand;
        installTimeout = installTimeout == null ? Duration.ofMinutes(10) : installTimeout;
        verifyTimeout = verifyTimeout == null ? Duration.ofSeconds(60) : verifyTimeout;
        labels = labels == null ? Map.of() : Map.copyOf(labels);
        storageDriver = storageDriver == null ? "" : storageDriver;
    }
}
