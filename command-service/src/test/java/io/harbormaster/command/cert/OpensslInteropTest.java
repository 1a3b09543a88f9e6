package io.harbormaster.command.cert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.math.BigInteger;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What OpenSSL, the reference most tooling agrees with, makes of the CA's output: chains verify for the right
 * purpose, the extensions say what they should, our fingerprints and serials match its own, and it reads our keys.
 */
class OpensslInteropTest {

    private final CertificateAuthority authority = new CertificateAuthority();
    private Openssl openssl;

    @BeforeEach
    void openssl(@TempDir Path directory) {
        assumeTrue(Openssl.installed(), "needs " + Openssl.BINARY);
        openssl = new Openssl(directory);
    }

    @EcdsaAndRsa
    void serverAndClientCertificatesVerifyAgainstTheMachineCaForTheirPurpose(KeyAlgorithm algorithm) throws Exception {
        var ca = authority.createCa("build-1", algorithm);
        openssl.write("ca.pem", ca.certificatePem())
                .write("server.pem", authority.issueServer(ca, "build-1", List.of("203.0.113.7"),
                        CertificatePolicy.defaults()).certificatePem())
                .write("cert.pem", authority.issueClient(ca, "alice", "ops", Duration.ofHours(24)).certificatePem());

        assertThat(openssl.output("verify", "-CAfile", "ca.pem", "-purpose", "sslserver", "server.pem"))
                .isEqualTo("server.pem: OK\n");
        assertThat(openssl.output("verify", "-CAfile", "ca.pem", "-purpose", "sslclient", "cert.pem"))
                .isEqualTo("cert.pem: OK\n");
        assertThat(openssl.output("verify", "-CAfile", "ca.pem", "server.pem", "cert.pem"))
                .isEqualTo("server.pem: OK\ncert.pem: OK\n");
    }

    @EcdsaAndRsa
    void aServerCertificateCannotActAsAClientCertificateNorTheOtherWayRound(KeyAlgorithm algorithm) throws Exception {
        var ca = authority.createCa("build-1", algorithm);
        openssl.write("ca.pem", ca.certificatePem())
                .write("server.pem", authority.issueServer(ca, "build-1", List.of("203.0.113.7"),
                        CertificatePolicy.defaults()).certificatePem())
                .write("cert.pem", authority.issueClient(ca, "alice", "ops", Duration.ofHours(24)).certificatePem());

        var serverAsClient = openssl.run("verify", "-CAfile", "ca.pem", "-purpose", "sslclient", "server.pem");
        var clientAsServer = openssl.run("verify", "-CAfile", "ca.pem", "-purpose", "sslserver", "cert.pem");

        assertThat(serverAsClient.exitCode()).isNotZero();
        assertThat(serverAsClient.output()).contains("unsuitable certificate purpose");
        assertThat(clientAsServer.exitCode()).isNotZero();
        assertThat(clientAsServer.output()).contains("unsuitable certificate purpose");
    }

    @EcdsaAndRsa
    void aCertificateFromAnotherCaFailsVerification(KeyAlgorithm algorithm) throws Exception {
        var ca = authority.createCa("build-1", algorithm);
        var rotated = authority.createCa("build-1", algorithm);
        openssl.write("ca.pem", ca.certificatePem())
                .write("cert.pem", authority.issueClient(rotated, "alice", "ops", Duration.ofHours(24))
                        .certificatePem());

        var result = openssl.run("verify", "-CAfile", "ca.pem", "cert.pem");

        assertThat(result.exitCode()).isNotZero();
        assertThat(result.output()).contains("unable to get local issuer certificate").doesNotContain("cert.pem: OK");
    }

    @EcdsaAndRsa
    void theServerCertificateNamesEveryAddressAndIsForServerAuthOnly(KeyAlgorithm algorithm) throws Exception {
        var ca = authority.createCa("build-1", algorithm);
        var policy = CertificatePolicy.defaults().withExtraSans(List.of("docker.example.org", "10.1.2.3"));
        openssl.write("server.pem", authority.issueServer(ca, "build-1",
                List.of("203.0.113.7", "2001:db8::7", "node-1.example.com"), policy).certificatePem());

        var extensions = openssl.output("x509", "-in", "server.pem", "-noout",
                "-ext", "subjectAltName,extendedKeyUsage,keyUsage,basicConstraints");

        assertThat(extensions)
                .contains("IP Address:203.0.113.7, IP Address:2001:DB8:0:0:0:0:0:7, DNS:node-1.example.com, "
                        + "DNS:build-1, DNS:localhost, DNS:docker.example.org, IP Address:10.1.2.3")
                .contains("TLS Web Server Authentication")
                .doesNotContain("TLS Web Client Authentication")
                .contains("CA:FALSE");
        if (algorithm == KeyAlgorithm.ECDSA_P256) {
            assertThat(extensions).contains("Digital Signature").doesNotContain("Key Encipherment");
        } else {
            assertThat(extensions).contains("Digital Signature, Key Encipherment");
        }
    }

    @EcdsaAndRsa
    void theClientCertificateNamesUserAndTeamAndIsForClientAuthOnly(KeyAlgorithm algorithm) throws Exception {
        var ca = authority.createCa("build-1", algorithm);
        openssl.write("cert.pem", authority.issueClient(ca, "alice", "platform team", Duration.ofHours(24))
                .certificatePem());

        assertThat(openssl.output("x509", "-in", "cert.pem", "-noout", "-subject", "-nameopt", "RFC2253"))
                .isEqualTo("subject=CN=alice,OU=platform team,O=Harbormaster\n");
        assertThat(openssl.output("x509", "-in", "cert.pem", "-noout", "-ext", "extendedKeyUsage,keyUsage"))
                .contains("TLS Web Client Authentication")
                .doesNotContain("TLS Web Server Authentication")
                .contains("Digital Signature");
    }

    @EcdsaAndRsa
    void theCaCertificateIsASelfSignedCaThatOnlySignsCertificatesAndCrls(KeyAlgorithm algorithm) throws Exception {
        openssl.write("ca.pem", authority.createCa("build-1", algorithm).certificatePem());

        assertThat(openssl.output("x509", "-in", "ca.pem", "-noout", "-subject", "-issuer", "-nameopt", "RFC2253"))
                .isEqualTo("subject=CN=build-1 CA,O=Harbormaster\nissuer=CN=build-1 CA,O=Harbormaster\n");
        assertThat(openssl.output("x509", "-in", "ca.pem", "-noout", "-ext",
                "basicConstraints,keyUsage,subjectKeyIdentifier"))
                .contains("critical", "CA:TRUE", "Certificate Sign, CRL Sign", "Subject Key Identifier");
        assertThat(openssl.output("verify", "-CAfile", "ca.pem", "ca.pem")).isEqualTo("ca.pem: OK\n");
    }

    @EcdsaAndRsa
    void opensslComputesTheSameFingerprintAndSerialAsWeDo(KeyAlgorithm algorithm) throws Exception {
        var ca = authority.createCa("build-1", algorithm);
        var client = authority.issueClient(ca, "alice", "ops", Duration.ofHours(24));
        openssl.write("ca.pem", ca.certificatePem()).write("cert.pem", client.certificatePem());

        assertThat(openssl.output("x509", "-in", "ca.pem", "-noout", "-fingerprint", "-sha256"))
                .isEqualTo("sha256 Fingerprint=" + ca.fingerprint() + "\n");
        assertThat(openssl.output("x509", "-in", "cert.pem", "-noout", "-fingerprint", "-sha256"))
                .isEqualTo("sha256 Fingerprint=" + client.fingerprint() + "\n");
        var serial = openssl.output("x509", "-in", "cert.pem", "-noout", "-serial").strip().substring("serial=".length());
        assertThat(new BigInteger(serial, 16)).isEqualTo(new BigInteger(client.serial(), 16));
    }

    @EcdsaAndRsa
    void opensslReadsOurPrivateKeysAndEachBelongsToItsCertificate(KeyAlgorithm algorithm) throws Exception {
        var ca = authority.createCa("build-1", algorithm);
        var client = authority.issueClient(ca, "alice", "ops", Duration.ofHours(24));
        openssl.write("cert.pem", client.certificatePem()).write("key.pem", client.privateKeyPem())
                .write("ca.pem", ca.certificatePem()).write("ca-key.pem", ca.privateKeyPem());

        assertThat(openssl.output("pkey", "-in", "key.pem", "-check", "-noout")).contains("valid");
        assertThat(openssl.output("pkey", "-in", "key.pem", "-pubout"))
                .isEqualTo(openssl.output("x509", "-in", "cert.pem", "-noout", "-pubkey"));
        assertThat(openssl.output("pkey", "-in", "ca-key.pem", "-pubout"))
                .isEqualTo(openssl.output("x509", "-in", "ca.pem", "-noout", "-pubkey"));
    }

    @EcdsaAndRsa
    void aCaWhoseKeyIsInTheTraditionalPemFormatIsReadBackAndStillIssues(KeyAlgorithm algorithm) throws Exception {
        var ca = authority.createCa("build-1", algorithm);
        openssl.write("ca.pem", ca.certificatePem()).write("ca-key.pem", ca.privateKeyPem());
        // docker-machine kept its CA key as "RSA PRIVATE KEY"; OpenSSL writes EC keys as "EC PRIVATE KEY" this way.
        openssl.output("pkey", "-in", "ca-key.pem", "-traditional", "-out", "ca-key-traditional.pem");
        var traditional = openssl.read("ca-key-traditional.pem");
        assertThat(traditional).startsWith(algorithm.isRsa() ? "-----BEGIN RSA PRIVATE KEY-----"
                : "-----BEGIN EC PRIVATE KEY-----");

        var loaded = MachineCa.fromPem(ca.certificatePem(), traditional);
        openssl.write("cert.pem", authority.issueClient(loaded, "alice", "ops", Duration.ofHours(1)).certificatePem());

        assertThat(openssl.output("verify", "-CAfile", "ca.pem", "cert.pem")).isEqualTo("cert.pem: OK\n");
    }

    @Test
    void anEncryptedCaKeyIsRefusedWithAMessageThatSaysWhatToDo() throws Exception {
        var ca = authority.createCa("build-1", KeyAlgorithm.ECDSA_P256);
        openssl.write("ca-key.pem", ca.privateKeyPem());
        openssl.output("pkcs8", "-topk8", "-in", "ca-key.pem", "-v2", "aes-256-cbc", "-passout", "pass:hunter2",
                "-out", "encrypted.pem");
        var encrypted = openssl.read("encrypted.pem");

        assertThatThrownBy(() -> MachineCa.fromPem(ca.certificatePem(), encrypted))
                .isInstanceOf(CertificateAuthorityException.class)
                .hasMessageContaining("encrypted")
                .hasMessageContaining("store it unencrypted")
                .message().doesNotContain(encrypted.lines().skip(1).findFirst().orElseThrow());
    }
}
