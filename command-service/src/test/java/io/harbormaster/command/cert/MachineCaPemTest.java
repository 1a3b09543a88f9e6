package io.harbormaster.command.cert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.cert.CertPathValidator;
import java.security.cert.CertificateFactory;
import java.security.cert.PKIXParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** A CA goes into the secret store as PEM text and comes back able to issue what its old certificate trusts. */
class MachineCaPemTest {

    private final CertificateAuthority authority = new CertificateAuthority();

    @ParameterizedTest(name = "{0}")
    @EnumSource(KeyAlgorithm.class)
    void aCaReadBackFromPemIssuesCertificatesThatTheOriginalCaCertificateValidates(KeyAlgorithm algorithm)
            throws Exception {
        var original = authority.createCa("build-1", algorithm);

        var loaded = MachineCa.fromPem(original.certificatePem(), original.privateKeyPem());
        var server = authority.issueServer(loaded, "build-1", List.of("203.0.113.7"), CertificatePolicy.defaults());
        var client = authority.issueClient(loaded, "alice", "ops", Duration.ofHours(1));

        assertThat(loaded).isEqualTo(original);
        assertThat(loaded.algorithm()).isEqualTo(algorithm);
        assertThat(loaded.fingerprint()).isEqualTo(original.fingerprint());
        validate(server.certificate(), original.certificate());
        validate(client.certificate(), original.certificate());
    }

    @Test
    void pemTextIsWrittenInTheBlocksEveryToolReads() {
        var ca = authority.createCa("build-1", KeyAlgorithm.ECDSA_P256);
        var client = authority.issueClient(ca, "alice", "ops", Duration.ofHours(1));

        for (var pem : List.of(ca.certificatePem(), client.certificatePem())) {
            assertThat(pem).startsWith("-----BEGIN CERTIFICATE-----\n").endsWith("-----END CERTIFICATE-----\n");
            assertThat(pem.lines()).allMatch(line -> line.length() <= 64);
        }
        for (var pem : List.of(ca.privateKeyPem(), client.privateKeyPem())) {
            assertThat(pem).startsWith("-----BEGIN PRIVATE KEY-----\n").endsWith("-----END PRIVATE KEY-----\n");
        }
        assertThat(Pem.readCertificate(client.certificatePem())).isEqualTo(client.certificate());
        assertThat(Pem.readPrivateKey(client.privateKeyPem())).isEqualTo(client.privateKey());
    }

    @Test
    void aKeyFromAnotherCaIsRefusedWithoutShowingEitherPem() {
        var ca = authority.createCa("build-1", KeyAlgorithm.ECDSA_P256);
        var other = authority.createCa("build-1", KeyAlgorithm.ECDSA_P256);

        assertThatThrownBy(() -> MachineCa.fromPem(ca.certificatePem(), other.privateKeyPem()))
                .isInstanceOf(CertificateAuthorityException.class)
                .hasMessageContaining("does not belong to the CA certificate CN=build-1 CA,O=Harbormaster")
                .hasMessageContaining(ca.fingerprint())
                .message().doesNotContain("PRIVATE KEY", body(other.privateKeyPem()), body(ca.certificatePem()));
    }

    @Test
    void aKeyOfTheWrongKindIsRefused() {
        var ecdsa = authority.createCa("build-1", KeyAlgorithm.ECDSA_P256);
        var rsa = authority.createCa("build-1", KeyAlgorithm.RSA_2048);

        assertThatThrownBy(() -> MachineCa.fromPem(ecdsa.certificatePem(), rsa.privateKeyPem()))
                .isInstanceOf(CertificateAuthorityException.class)
                .hasMessageContaining("does not belong to the CA certificate");
    }

    @Test
    void aServerCertificateStoredInPlaceOfTheCaIsRefused() {
        var ca = authority.createCa("build-1", KeyAlgorithm.ECDSA_P256);
        var server = authority.issueServer(ca, "build-1", List.of("10.0.0.1"), CertificatePolicy.defaults());

        assertThatThrownBy(() -> MachineCa.fromPem(server.certificatePem(), server.privateKeyPem()))
                .isInstanceOf(CertificateAuthorityException.class)
                .hasMessageContaining("is not a CA certificate");
    }

    @Test
    void swappedValuesAreRefusedSayingWhatWasFound() {
        var ca = authority.createCa("build-1", KeyAlgorithm.ECDSA_P256);

        assertThatThrownBy(() -> MachineCa.fromPem(ca.privateKeyPem(), ca.certificatePem()))
                .isInstanceOf(CertificateAuthorityException.class)
                .hasMessage("Expected a PEM CERTIFICATE block but found a private key; check which value was stored");
        assertThatThrownBy(() -> Pem.readPrivateKey(ca.certificatePem()))
                .hasMessage("Expected a PEM private key block but found a certificate; check which value was stored");
    }

    @Test
    void damagedOrMissingPemIsRefusedWithoutRepeatingIt() {
        var ca = authority.createCa("build-1", KeyAlgorithm.ECDSA_P256);
        var keyPem = ca.privateKeyPem();
        var truncated = keyPem.substring(0, keyPem.length() / 2) + "\n-----END PRIVATE KEY-----\n";
        var garbled = keyPem.replace(body(keyPem), "!!" + body(keyPem).substring(2));

        for (var damaged : List.of(truncated, garbled)) {
            assertThatThrownBy(() -> MachineCa.fromPem(ca.certificatePem(), damaged))
                    .isInstanceOf(CertificateAuthorityException.class)
                    .hasMessageContaining("private key")
                    .message().doesNotContain(body(keyPem).substring(2, 40));
        }
        assertThatThrownBy(() -> MachineCa.fromPem("", keyPem)).hasMessage("No PEM text was given for the certificate");
        assertThatThrownBy(() -> MachineCa.fromPem("just words", keyPem))
                .hasMessage("The text given for the certificate holds no PEM block");
    }

    private static void validate(X509Certificate certificate, X509Certificate trustedCa) throws Exception {
        var path = CertificateFactory.getInstance("X.509").generateCertPath(List.of(certificate));
        var parameters = new PKIXParameters(Set.of(new TrustAnchor(trustedCa, null)));
        parameters.setRevocationEnabled(false);
        CertPathValidator.getInstance("PKIX").validate(path, parameters);
    }

    private static String body(String pem) {
        return pem.lines().skip(1).findFirst().orElseThrow();
    }
}
