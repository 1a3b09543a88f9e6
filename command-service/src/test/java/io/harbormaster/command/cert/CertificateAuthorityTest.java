package io.harbormaster.command.cert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import javax.naming.ldap.LdapName;
import org.junit.jupiter.api.Test;

/** What the CA puts in certificates, read back through Java's own X.509 parser. */
class CertificateAuthorityTest {

    private static final Instant NOW = Instant.parse("2026-03-01T12:00:00.750Z");
    private static final String SERVER_AUTH = "1.3.6.1.5.5.7.3.1";
    private static final String CLIENT_AUTH = "1.3.6.1.5.5.7.3.2";
    private static final int DIGITAL_SIGNATURE = 0;
    private static final int KEY_ENCIPHERMENT = 2;
    private static final int KEY_CERT_SIGN = 5;
    private static final int CRL_SIGN = 6;
    private static final int DNS = 2;
    private static final int IP = 7;

    private final CertificateAuthority authority = at(NOW);

    @EcdsaAndRsa
    void aMachineCaIsASelfSignedCaThatSignsOnlyCertificatesAndCrls(KeyAlgorithm algorithm) throws Exception {
        var ca = authority.createCa("build-1", algorithm);
        var certificate = ca.certificate();

        certificate.verify(certificate.getPublicKey());
        assertThat(certificate.getSubjectX500Principal().getName()).isEqualTo("CN=build-1 CA,O=Harbormaster");
        assertThat(certificate.getIssuerX500Principal()).isEqualTo(certificate.getSubjectX500Principal());
        assertThat(certificate.getBasicConstraints()).isEqualTo(Integer.MAX_VALUE);
        assertThat(setBits(certificate.getKeyUsage())).containsExactlyInAnyOrder(KEY_CERT_SIGN, CRL_SIGN);
        assertThat(certificate.getCriticalExtensionOIDs()).contains("2.5.29.19", "2.5.29.15");
        assertThat(certificate.getExtensionValue("2.5.29.14")).as("subject key identifier").isNotNull();
        assertThat(certificate.getSigAlgName()).isEqualToIgnoringCase(algorithm.signatureAlgorithm());
        assertThat(ca.algorithm()).isEqualTo(algorithm);
        assertThat(ca.notAfter()).isEqualTo(Instant.parse("2026-03-01T12:00:00Z").plus(Duration.ofDays(3650)));
    }

    @Test
    void theServerCertificateNamesEachAddressOnceAsAnIpOrADnsNamePlusTheMachineNameLocalhostAndExtraNames()
            throws Exception {
        var ca = authority.createCa("build-1", KeyAlgorithm.ECDSA_P256);
        var policy = CertificatePolicy.defaults().withExtraSans(List.of("docker.example.org", "203.0.113.7"));

        var server = authority.issueServer(ca, "build-1",
                List.of("203.0.113.7", "[2001:db8::7]", "node-1.example.com", "NODE-1.example.com.", "2001:db8:0::7"),
                policy);

        assertThat(server.certificate().getSubjectAlternativeNames()).containsExactly(
                List.of(IP, "203.0.113.7"),
                List.of(IP, "2001:db8:0:0:0:0:0:7"),
                List.of(DNS, "node-1.example.com"),
                List.of(DNS, "build-1"),
                List.of(DNS, "localhost"),
                List.of(DNS, "docker.example.org"));
        assertThat(server.subject()).isEqualTo("CN=build-1,O=Harbormaster");
        assertThat(server.certificate().getExtendedKeyUsage()).containsExactly(SERVER_AUTH);
        assertThat(server.certificate().getBasicConstraints()).isEqualTo(-1);
        server.certificate().verify(ca.certificate().getPublicKey());
    }

    @Test
    void aMachineNameThatIsNoDnsNameIsLeftOutWhileTheAddressesRemain() throws Exception {
        var ca = authority.createCa("odd..name", KeyAlgorithm.ECDSA_P256);

        var server = authority.issueServer(ca, "odd..name", List.of("198.51.100.4"), CertificatePolicy.defaults());

        assertThat(server.certificate().getSubjectAlternativeNames())
                .containsExactly(List.of(IP, "198.51.100.4"), List.of(DNS, "localhost"));
    }

    @Test
    void anEcdsaServerKeyIsOnlyForSignaturesWhileAnRsaServerKeyMayAlsoTransportKeys() {
        var ecdsa = authority.createCa("build-1", KeyAlgorithm.ECDSA_P256);
        var rsa = authority.createCa("build-1", KeyAlgorithm.RSA_2048);
        var policy = CertificatePolicy.defaults();

        assertThat(setBits(authority.issueServer(ecdsa, "build-1", List.of("10.0.0.1"), policy).certificate()
                .getKeyUsage())).containsExactly(DIGITAL_SIGNATURE);
        assertThat(setBits(authority.issueServer(rsa, "build-1", List.of("10.0.0.1"), policy).certificate()
                .getKeyUsage())).containsExactly(DIGITAL_SIGNATURE, KEY_ENCIPHERMENT);
    }

    @EcdsaAndRsa
    void aClientCertificateNamesTheUserAndTheTeamAndIsForClientAuthentication(KeyAlgorithm algorithm)
            throws Exception {
        var ca = authority.createCa("build-1", algorithm);

        var client = authority.issueClient(ca, "alice", "ops", Duration.ofHours(24));

        assertThat(client.subject()).isEqualTo("CN=alice,OU=ops,O=Harbormaster");
        assertThat(client.certificate().getExtendedKeyUsage()).containsExactly(CLIENT_AUTH);
        assertThat(setBits(client.certificate().getKeyUsage())).containsExactly(DIGITAL_SIGNATURE);
        assertThat(client.certificate().getSubjectAlternativeNames()).isNull();
        assertThat(client.certificate().getIssuerX500Principal()).isEqualTo(ca.certificate().getSubjectX500Principal());
        assertThat(KeyAlgorithm.of(client.certificate().getPublicKey())).isEqualTo(algorithm);
        client.certificate().verify(ca.certificate().getPublicKey());
    }

    @Test
    void namesWithCommasOrEqualsSignsStayOneValueAndCannotAddNameParts() throws Exception {
        var ca = authority.createCa("build-1", KeyAlgorithm.ECDSA_P256);

        var client = authority.issueClient(ca, "mallory,O=Evil", "R&D, Berlin", Duration.ofHours(1));

        var rdns = new LdapName(client.subject()).getRdns();
        assertThat(rdns).hasSize(3);
        assertThat(rdns.get(0).toAttributes().get("O").get()).isEqualTo("Harbormaster");
        assertThat(rdns.get(1).toAttributes().get("OU").get()).isEqualTo("R&D, Berlin");
        assertThat(rdns.get(2).toAttributes().get("CN").get()).isEqualTo("mallory,O=Evil");
    }

    @Test
    void certificatesStartFiveMinutesEarlyForClockSkewAndEndAfterTheirValidityInWholeSeconds() {
        var ca = authority.createCa("build-1", KeyAlgorithm.ECDSA_P256);

        var client = authority.issueClient(ca, "alice", "ops", Duration.ofHours(8));
        var server = authority.issueServer(ca, "build-1", List.of("10.0.0.1"), CertificatePolicy.defaults());

        assertThat(client.certificate().getNotBefore().toInstant()).isEqualTo("2026-03-01T11:55:00Z");
        assertThat(client.notAfter()).isEqualTo("2026-03-01T20:00:00Z");
        assertThat(server.certificate().getNotBefore().toInstant()).isEqualTo("2026-03-01T11:55:00Z");
        assertThat(server.notAfter()).isEqualTo(Instant.parse("2026-03-01T12:00:00Z").plus(Duration.ofDays(730)));
    }

    @Test
    void noCertificateOutlivesItsCa() {
        var ca = authority.createCa("build-1", KeyAlgorithm.ECDSA_P256);
        var nineAndAHalfYearsLater = at(NOW.plus(Duration.ofDays(3470)));

        var server = nineAndAHalfYearsLater.issueServer(ca, "build-1", List.of("10.0.0.1"),
                CertificatePolicy.defaults());

        assertThat(server.notAfter()).isEqualTo(ca.notAfter());
    }

    @Test
    void anExpiredCaIssuesNothingAndSaysToRotateIt() {
        var ca = authority.createCa("build-1", KeyAlgorithm.ECDSA_P256);
        var elevenYearsLater = at(NOW.plus(Duration.ofDays(4018)));

        assertThatThrownBy(() -> elevenYearsLater.issueClient(ca, "alice", "ops", Duration.ofHours(1)))
                .isInstanceOf(CertificateAuthorityException.class)
                .hasMessageContaining("expired")
                .hasMessageContaining("rotate the machine's CA");
    }

    @Test
    void serialsAreRandomPositive128BitNumbersAndNeverRepeat() {
        var ca = new CertificateAuthority().createCa("build-1", KeyAlgorithm.ECDSA_P256);
        var issuer = new CertificateAuthority();
        Set<String> serials = new HashSet<>();

        for (int i = 0; i < 500; i++) {
            var client = issuer.issueClient(ca, "alice", "ops", Duration.ofHours(1));
            assertThat(client.certificate().getSerialNumber()).isPositive();
            assertThat(client.certificate().getSerialNumber().bitLength()).isLessThanOrEqualTo(128);
            assertThat(client.serial()).matches("[0-9a-f]{32}");
            serials.add(client.serial());
        }

        assertThat(serials).hasSize(500);
        // 500 draws of 128 random bits: the top byte is zero for about 2 of them, not for most.
        var shortOnes = serials.stream().filter(serial -> serial.startsWith("00")).count();
        assertThat(shortOnes).isLessThan(20);
    }

    @Test
    void fingerprintsAreTheSha256OfTheDerInColonSeparatedUpperCaseHex() throws Exception {
        var ca = authority.createCa("build-1", KeyAlgorithm.ECDSA_P256);
        var expected = HexFormat.ofDelimiter(":").withUpperCase().formatHex(
                MessageDigest.getInstance("SHA-256").digest(ca.certificate().getEncoded()));

        assertThat(ca.fingerprint()).isEqualTo(expected).matches("([0-9A-F]{2}:){31}[0-9A-F]{2}");
    }

    @Test
    void aClientValidityOutsideOneHourToSevenDaysIsRefusedWithTheAcceptedRange() {
        var ca = authority.createCa("build-1", KeyAlgorithm.ECDSA_P256);

        assertThatThrownBy(() -> authority.issueClient(ca, "alice", "ops", Duration.ofDays(30)))
                .isInstanceOf(InvalidCertificateRequestException.class)
                .hasMessage("Client certificate validity must be between 1 hour and 7 days; got 30 days. "
                        + "Choose a validity in that range.");
        assertThatThrownBy(() -> authority.issueClient(ca, "alice", "ops", Duration.ofMinutes(59)))
                .hasMessageContaining("got 59 minutes");
        assertThatThrownBy(() -> authority.issueClient(ca, "alice", "ops", null))
                .hasMessageContaining("Client certificate validity is missing");
        assertThat(authority.issueClient(ca, "alice", "ops", Duration.ofHours(1)).notAfter())
                .isEqualTo("2026-03-01T13:00:00Z");
        assertThat(authority.issueClient(ca, "alice", "ops", Duration.ofDays(7)).notAfter())
                .isEqualTo("2026-03-08T12:00:00Z");
    }

    @Test
    void anAddressThatIsNeitherAnIpNorADnsNameIsRefusedWithExamples() {
        var ca = authority.createCa("build-1", KeyAlgorithm.ECDSA_P256);

        assertThatThrownBy(() -> authority.issueServer(ca, "build-1", List.of("10.0.0.1", "not a host!"),
                CertificatePolicy.defaults()))
                .isInstanceOf(InvalidCertificateRequestException.class)
                .hasMessageStartingWith("'not a host!' is neither an IP address nor a DNS name")
                .hasMessageContaining("203.0.113.7");
        assertThatThrownBy(() -> authority.issueServer(ca, "build-1", List.of("fe80::1%eth0"),
                CertificatePolicy.defaults()))
                .isInstanceOf(InvalidCertificateRequestException.class);
    }

    @Test
    void aServerCertificateNeedsAtLeastOneAddress() {
        var ca = authority.createCa("build-1", KeyAlgorithm.ECDSA_P256);

        assertThatThrownBy(() -> authority.issueServer(ca, "build-1", List.of(), CertificatePolicy.defaults()))
                .isInstanceOf(InvalidCertificateRequestException.class)
                .hasMessageContaining("needs at least one address of the machine");
    }

    @Test
    void aCertificateNeedsAHolderName() {
        var ca = authority.createCa("build-1", KeyAlgorithm.ECDSA_P256);

        assertThatThrownBy(() -> authority.issueClient(ca, " ", "ops", Duration.ofHours(1)))
                .isInstanceOf(InvalidCertificateRequestException.class)
                .hasMessageStartingWith("Username is missing");
        assertThatThrownBy(() -> authority.createCa("", KeyAlgorithm.ECDSA_P256))
                .hasMessageStartingWith("Machine name is missing");
    }

    @EcdsaAndRsa
    void nothingThatHoldsAPrivateKeyShowsItWhenPrinted(KeyAlgorithm algorithm) {
        var ca = authority.createCa("build-1", algorithm);
        var server = authority.issueServer(ca, "build-1", List.of("10.0.0.1"), CertificatePolicy.defaults());
        var client = authority.issueClient(ca, "alice", "ops", Duration.ofHours(1));

        for (var printed : List.of(
                new Printed(ca.toString(), ca.privateKeyPem()),
                new Printed(server.toString(), server.privateKeyPem()),
                new Printed(client.toString(), client.privateKeyPem()))) {
            assertThat(printed.text()).doesNotContain("PRIVATE KEY").doesNotContain(printed.keyBody());
            assertThat(printed.text()).contains("fingerprint=").contains("notAfter=");
        }
        assertThat(ca.toString()).contains(ca.fingerprint(), "CN=build-1 CA,O=Harbormaster", algorithm.text());
    }

    private record Printed(String text, String keyPem) {
        /** The first line of the key's base64, which a leaked key would certainly contain. */
        String keyBody() {
            return keyPem.lines().skip(1).findFirst().orElseThrow();
        }
    }

    private static CertificateAuthority at(Instant instant) {
        return new CertificateAuthority(Clock.fixed(instant, ZoneOffset.UTC), new SecureRandom());
    }

    private static Set<Integer> setBits(boolean[] keyUsage) {
        return IntStream.range(0, keyUsage.length).filter(i -> keyUsage[i]).boxed()
                .collect(Collectors.toCollection(TreeSet::new));
    }
}
