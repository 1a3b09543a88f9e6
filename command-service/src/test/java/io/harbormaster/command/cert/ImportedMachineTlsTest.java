package io.harbormaster.command.cert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.harbormaster.api.machine.MachineId;
import io.harbormaster.command.machine.ImportedTls;
import io.harbormaster.command.machine.MachineNotImportableException;
import io.harbormaster.command.secret.InMemorySecretStore;
import io.harbormaster.command.secret.SecretPath;
import io.harbormaster.testing.DockerMachineCertificates;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A docker-machine CA kept as an imported machine's material: checked, stored like the platform's own, and then
 * issuing certificates that OpenSSL verifies against the very CA file docker-machine wrote.
 */
class ImportedMachineTlsTest {

    private static final MachineId MACHINE = MachineId.of("6b1d3c2e-0000-4000-8000-000000000042");
    private static final String IP = "10.213.0.99";

    private final InMemorySecretStore secrets = new InMemorySecretStore();
    private final ImportedMachineTls imported = new ImportedMachineTls(secrets, Clock.systemUTC());
    private DockerMachineCertificates.Pair ca;
    private ImportedTls tls;
    private Openssl openssl;

    @BeforeEach
    void dockerMachinesMaterial(@TempDir Path directory) throws Exception {
        ca = DockerMachineCertificates.ca("alice");
        var server = DockerMachineCertificates.server(ca, "alice.web", List.of(IP, "localhost"));
        var client = DockerMachineCertificates.client(ca, "alice.<bootstrap>");
        tls = new ImportedTls(ca.certificatePem(), ca.keyPem(), server.certificatePem(), server.keyPem(),
                client.certificatePem());
        openssl = new Openssl(directory);
        openssl.write("ca.pem", ca.certificatePem());
    }

    @Test
    void theStoredMaterial_isTheMachinesSecret_withItsFactsAsOpensslSeesThem() throws Exception {
        var certificates = imported.store(MACHINE, tls);

        var secret = secrets.read(SecretPath.machineTls(MACHINE)).orElseThrow();
        assertThat(secret.value("ca.pem")).isEqualTo(ca.certificatePem());
        assertThat(secret.value("ca-key.pem")).startsWith("-----BEGIN PRIVATE KEY-----");
        assertThat(secret.value("server-key.pem")).startsWith("-----BEGIN PRIVATE KEY-----");
        assertThat(certificates.secretVersion()).isEqualTo(1);
        assertThat(certificates.caRotated()).isFalse();
        assertThat(certificates.keyAlgorithm()).isEqualTo("rsa-2048");
        assertThat(certificates.serverNames()).containsExactly(IP, "localhost");
        assertThat(openssl.output("x509", "-in", "ca.pem", "-noout", "-fingerprint", "-sha256"))
                .isEqualTo("sha256 Fingerprint=" + certificates.caFingerprint() + "\n");
        openssl.write("server.pem", secret.value("server.pem"));
        assertThat(openssl.output("x509", "-in", "server.pem", "-noout", "-fingerprint", "-sha256"))
                .as("the server certificate's fingerprint, as the machine page shows it")
                .isEqualTo("sha256 Fingerprint=" + certificates.serverFingerprint() + "\n");
    }

    @Test
    void clientAndServerCertificatesIssuedLater_verifyAgainstDockerMachinesCaFile() throws Exception {
        var certificates = imported.store(MACHINE, tls);
        var machineTls = new MachineTls(new CertificateAuthority(), secrets, CertificatePolicy.defaults());

        var client = machineTls.issueClient(certificates, "bob", "ops");
        var renewed = machineTls.regenerate(MACHINE, "web", "tcp://" + IP + ":2376", certificates, false, null);
        openssl.write("cert.pem", client.certPem());
        openssl.write("server.pem", machineTls.server(renewed).certPem());
        assertThat(openssl.output("x509", "-in", "server.pem", "-noout", "-fingerprint", "-sha256"))
                .as("a renewal records its new server certificate's fingerprint")
                .isEqualTo("sha256 Fingerprint=" + renewed.serverFingerprint() + "\n");

        assertThat(openssl.output("verify", "-CAfile", "ca.pem", "-purpose", "sslclient", "cert.pem"))
                .isEqualTo("cert.pem: OK\n");
        assertThat(openssl.output("verify", "-CAfile", "ca.pem", "-purpose", "sslserver", "server.pem"))
                .isEqualTo("server.pem: OK\n");
        assertThat(renewed.caFingerprint()).isEqualTo(certificates.caFingerprint());
    }

    @Test
    void aNoneMachinesMaterial_isTheCaAlone() {
        var noServer = new ImportedTls(tls.caCert(), tls.caKey(), null, null, tls.clientCert());
        imported.check(noServer, "10.213.0.98", false);

        var certificates = imported.store(MACHINE, noServer);

        assertThat(secrets.read(SecretPath.machineTls(MACHINE)).orElseThrow().data()).containsOnlyKeys("ca.pem",
                "ca-key.pem");
        assertThat(certificates.serverSerial()).isNull();
        assertThat(certificates.serverNames()).isEmpty();
        assertThat(certificates.notAfter()).isEqualTo(ca.certificate().getNotAfter().toInstant());
    }

    @Test
    void eachPartThatDoesNotFit_isNamed_withoutQuotingIt() {
        var otherCa = DockerMachineCertificates.ca("mallory");
        var otherServer = DockerMachineCertificates.server(otherCa, "mallory.web", List.of(IP));

        assertThatThrownBy(() -> imported.check(new ImportedTls(tls.caCert(), otherCa.keyPem(), tls.serverCert(),
                tls.serverKey(), tls.clientCert()), IP, true))
                .isInstanceOf(MachineNotImportableException.class)
                .hasMessageStartingWith("tls.caCert: The stored private key does not belong to the CA certificate");
        assertThatThrownBy(() -> imported.check(new ImportedTls(tls.caCert(), tls.caKey(),
                otherServer.certificatePem(), otherServer.keyPem(), tls.clientCert()), IP, true))
                .hasMessage("tls.serverCert: was not issued by the CA of tls.caCert (O=alice)");
        assertThatThrownBy(() -> imported.check(tls, "10.213.0.42", true))
                .hasMessage("tls.serverCert: names " + IP + ", localhost but the machine is reached at 10.213.0.42; "
                        + "docker would refuse it (run docker-machine regenerate-certs first)");
        assertThatThrownBy(() -> imported.check(new ImportedTls(tls.caCert(), tls.caKey(), null, null,
                tls.clientCert()), IP, true)).hasMessage("tls.serverCert: missing");
        var damaged = tls.caKey().substring(0, 80) + "\n-----END RSA PRIVATE KEY-----\n";
        assertThatThrownBy(() -> imported.check(new ImportedTls(tls.caCert(), damaged, tls.serverCert(),
                tls.serverKey(), tls.clientCert()), IP, true))
                .isInstanceOf(MachineNotImportableException.class)
                .hasMessageNotContaining(tls.caKey().substring(40, 80));
    }

    @Test
    void anExpiredCa_isRefused() {
        var later = new ImportedMachineTls(secrets, Clock.fixed(Instant.now().plus(Duration.ofDays(1081)),
                ZoneOffset.UTC));

        assertThatThrownBy(() -> later.check(tls, IP, true)).hasMessageStartingWith("tls.caCert: the CA expired on");
    }
}
