package io.harbormaster.command.cert;

import static org.assertj.core.api.Assertions.assertThat;

import io.harbormaster.api.machine.MachineId;
import io.harbormaster.command.secret.InMemorySecretStore;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A machine's own extra names ({@code --tls-san}) are in its server certificate and in what the event records. */
class MachineTlsExtraNamesTest {

    private static final int DNS = 2;
    private static final int IP = 7;

    private final MachineTls tls = new MachineTls(new CertificateAuthority(), new InMemorySecretStore(),
            CertificatePolicy.defaults().withExtraSans(List.of("platform.example.org")));

    @Test
    void theServerCertificateCarriesTheMachinesExtraNamesBesideThePolicys_andTheEventListsThem() throws Exception {
        var id = MachineId.random();

        var made = tls.regenerate(id, "web-1", "tcp://10.213.0.150:2376", null, true, null,
                List.of("docker.example.com", "203.0.113.7", "10.213.0.150"));

        var certificate = (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(
                new ByteArrayInputStream(tls.server(made).certPem().getBytes(StandardCharsets.US_ASCII)));
        assertThat(certificate.getSubjectAlternativeNames()).containsExactly(
                List.of(IP, "10.213.0.150"), List.of(DNS, "web-1"), List.of(DNS, "localhost"),
                List.of(DNS, "platform.example.org"), List.of(DNS, "docker.example.com"), List.of(IP, "203.0.113.7"));
        assertThat(made.serverNames()).containsExactly("10.213.0.150", "web-1", "docker.example.com", "203.0.113.7");
    }

    @Test
    void withoutExtraNames_theCertificateIsAsBefore() throws Exception {
        var made = tls.regenerate(MachineId.random(), "web-1", "tcp://10.213.0.150:2376", null, true, null);

        assertThat(made.serverNames()).containsExactly("10.213.0.150", "web-1");
    }
}
