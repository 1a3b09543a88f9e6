package io.harbormaster.testing;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.net.InetAddress;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.util.io.pem.PemObject;

/**
 * Certificates as docker-machine 0.16 makes them ({@code libmachine/cert/cert.go}, Go 1.12's {@code x509}): RSA-2048
 * keys written as PKCS#1 {@code RSA PRIVATE KEY}, subjects with only an organization (the CA's is the user name, a
 * server's {@code <user>.<machine>}, the client's {@code <user>.<bootstrap>}), 128-bit random serials, valid from five
 * minutes before the current minute for 1080 days, no key identifiers; the CA with {@code CA:TRUE} and key usages
 * digitalSignature, keyEncipherment, keyAgreement, certSign; a server certificate with serverAuth and its SANs (IP
 * literals as IP names), a client certificate with clientAuth and digitalSignature only.
 */
public final class DockerMachineCertificates {

    static final Duration VALIDITY = Duration.ofHours(24 * 1080);
    private static final SecureRandom RANDOM = new SecureRandom();

    private DockerMachineCertificates() {
    }

    /** A certificate and its key, both as PEM text as docker-machine writes them. */
    public record Pair(X509Certificate certificate, PrivateKey key, String certificatePem, String keyPem) {

        @Override
        public String toString() {
            return "Pair[" + certificate.getSubjectX500Principal() + "]";
        }
    }

    /** docker-machine's {@code GenerateCACertificate(…, org = user, 2048)}. */
    public static Pair ca(String org) {
        var keys = rsa2048();
        var usage = KeyUsage.digitalSignature | KeyUsage.keyEncipherment | KeyUsage.keyAgreement | KeyUsage.keyCertSign;
        return sign(org, keys, keys.getPrivate(), null, true, usage, null, List.of());
    }

    /** docker-machine's server certificate: org {@code <user>.<machine>}, SANs {@code ServerCertSANs, ip, localhost}. */
    public static Pair server(Pair ca, String org, List<String> hosts) {
        var usage = KeyUsage.digitalSignature | KeyUsage.keyEncipherment | KeyUsage.keyAgreement;
        return sign(org, rsa2048(), ca.key(), ca, false, usage, KeyPurposeId.id_kp_serverAuth, hosts);
    }

    /** docker-machine's client certificate: org {@code <user>.<bootstrap>}, clientAuth, digitalSignature. */
    public static Pair client(Pair ca, String org) {
        return sign(org, rsa2048(), ca.key(), ca, false, KeyUsage.digitalSignature, KeyPurposeId.id_kp_clientAuth,
                List.of());
    }

    /** An RSA key pair docker-machine's {@code ssh.GenerateSSHKey} would write as {@code id_rsa} (PKCS#1 PEM). */
    public static String rsaPrivateKeyPem() {
        return pkcs1(rsa2048().getPrivate());
    }

    private static Pair sign(String org, KeyPair keys, PrivateKey signer, Pair issuer, boolean isCa, int usage,
                             KeyPurposeId purpose, List<String> hosts) {
        var subject = new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.O, org).build();
        // Go: time.Date(…, now.Minute()-5, 0, 0, time.Local), then 1080 days
        var notBefore = Instant.now().truncatedTo(ChronoUnit.MINUTES).minus(Duration.ofMinutes(5));
        var serial = new BigInteger(128, RANDOM);
        try {
            var issuerName = issuer == null ? subject
                    : X500Name.getInstance(
                            issuer.certificate().getSubjectX500Principal().getEncoded());
            var builder = new JcaX509v3CertificateBuilder(issuerName, serial, Date.from(notBefore),
                    Date.from(notBefore.plus(VALIDITY)), subject, keys.getPublic());
            builder.addExtension(Extension.keyUsage, true, new KeyUsage(usage));
            if (purpose != null) {
                builder.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(purpose));
            }
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(isCa));
            if (!hosts.isEmpty()) {
                var names = new ArrayList<GeneralName>();
                for (var host : hosts) {
                    names.add(isIp(host) ? new GeneralName(GeneralName.iPAddress, host)
                            : new GeneralName(GeneralName.dNSName, host));
                }
                builder.addExtension(Extension.subjectAlternativeName, false,
                        new GeneralNames(names.toArray(GeneralName[]::new)));
            }
            var contentSigner = new JcaContentSignerBuilder("SHA256withRSA").build(signer);
            var certificate = new JcaX509CertificateConverter().getCertificate(builder.build(contentSigner));
            return new Pair(certificate, keys.getPrivate(), pem("CERTIFICATE", certificate.getEncoded()),
                    pkcs1(keys.getPrivate()));
        } catch (GeneralSecurityException | OperatorCreationException | IOException e) {
            throw new IllegalStateException("could not make a docker-machine certificate for " + org, e);
        }
    }

    private static boolean isIp(String host) {
        if (!host.matches("[0-9.]+|[0-9A-Fa-f:]*:[0-9A-Fa-f:.]*")) {
            return false;
        }
        try {
            InetAddress.getByName(host);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static KeyPair rsa2048() {
        try {
            var generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048, RANDOM);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** {@code x509.MarshalPKCS1PrivateKey} in a {@code RSA PRIVATE KEY} block. */
    private static String pkcs1(PrivateKey key) {
        try {
            var pkcs1 = PrivateKeyInfo.getInstance(key.getEncoded()).parsePrivateKey().toASN1Primitive().getEncoded();
            return pem("RSA PRIVATE KEY", pkcs1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String pem(String type, byte[] der) {
        var text = new StringWriter();
        try (var writer = new JcaPEMWriter(text)) {
            writer.writeObject(new PemObject(type, der));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return text.toString();
    }
}
