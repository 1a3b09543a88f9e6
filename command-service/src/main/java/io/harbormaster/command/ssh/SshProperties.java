package io.harbormaster.command.ssh;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * {@code harbormaster.ssh.*}: how long SSH may take and how much it may bring back (see {@link SshSettings}), and how
 * long the users' SSH certificates are valid ({@code user-certificate-validity}, see
 * {@link SshUserCertificatePolicy}); every value is optional and checked at startup.
 */
@ConfigurationProperties("harbormaster.ssh")
public record SshProperties(Duration connectTimeout, Duration authTimeout, Duration commandTimeout,
                            DataSize maxOutput, DataSize maxRead, Duration userCertificateValidity) {

    public SshSettings settings() {
        return new SshSettings(
                connectTimeout == null ? SshSettings.DEFAULT_CONNECT_TIMEOUT : connectTimeout,
                authTimeout == null ? SshSettings.DEFAULT_AUTH_TIMEOUT : authTimeout,
                commandTimeout == null ? SshSettings.DEFAULT_COMMAND_TIMEOUT : commandTimeout,
                maxOutput == null ? SshSettings.DEFAULT_MAX_OUTPUT_BYTES : Math.toIntExact(maxOutput.toBytes()),
                maxRead == null ? SshSettings.DEFAULT_MAX_READ_BYTES : Math.toIntExact(maxRead.toBytes()));
    }

    /** How users' SSH certificates are made. */
    public SshUserCertificatePolicy userCertificates() {
        return new SshUserCertificatePolicy(userCertificateValidity == null
                ? OpenSshUserCertificate.DEFAULT_LIFETIME : userCertificateValidity);
    }
}
