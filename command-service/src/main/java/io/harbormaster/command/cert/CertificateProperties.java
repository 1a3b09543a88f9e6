package io.harbormaster.command.cert;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code harbormaster.certificates.*}: the platform's certificate policy. Every value is checked when the
 * application starts, so a bad setting stops it with the reason rather than failing the first machine.
 *
 * @param keyAlgorithm for new CAs: ecdsa-p256 (default), rsa-2048 or rsa-4096; a machine may choose another
 * @param clientValidity of client certificates, 1 h to 7 days (default 24 h)
 * @param serverValidity of server certificates (default 730 days)
 * @param caValidity of CAs (default 3650 days)
 * @param extraSans extra names every server certificate carries, like docker-machine's {@code --tls-san}
 */
@ConfigurationProperties("harbormaster.certificates")
public record CertificateProperties(String keyAlgorithm, Duration clientValidity, Duration serverValidity,
                                    Duration caValidity, List<String> extraSans) {

    public CertificatePolicy policy() {
        return new CertificatePolicy(
                keyAlgorithm == null || keyAlgorithm.isBlank() ? KeyAlgorithm.DEFAULT : KeyAlgorithm.parse(keyAlgorithm),
                caValidity == null ? CertificatePolicy.DEFAULT_CA_VALIDITY : caValidity,
                serverValidity == null ? CertificatePolicy.DEFAULT_SERVER_VALIDITY : serverValidity,
                clientValidity == null ? CertificatePolicy.DEFAULT_CLIENT_VALIDITY : clientValidity,
                extraSans == null ? List.of() : extraSans);
    }
}
