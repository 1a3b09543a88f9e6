package io.harbormaster.command.cert;

import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.AuthorityKeyIdentifier;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.SubjectKeyIdentifier;
import org.bouncycastle.cert.CertIOException;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * Assembles and signs one X.509 v3 certificate. Uses BouncyCastle only to build the structure; keys, digests and
 * signatures come from the JDK's providers, so nothing is registered JVM-wide.
 */
final class CertificateSigner {

    private final SecureRandom random;

    CertificateSigner(SecureRandom random) {
        this.random = random;
    }

    /** One extension to add: its identifier, whether clients must understand it, and its value. */
    record ExtensionValue(ASN1ObjectIdentifier id, boolean critical, ASN1Encodable value) {
    }

    /** Who signs: the subject name, certificate (null while self-signing) and key of the issuing CA. */
    record Issuer(X500Name name, X509Certificate certificate, PrivateKey key, KeyAlgorithm algorithm) {

        static Issuer of(MachineCa ca) {
            return new Issuer(X500Name.getInstance(ca.certificate().getSubjectX500Principal().getEncoded()),
                    ca.certificate(), ca.privateKey(), ca.algorithm());
        }
    }

    X509Certificate sign(Issuer issuer, X500Name subject, PublicKey subjectKey, Instant notBefore, Instant notAfter,
            List<ExtensionValue> extensions) {
        try {
            var builder = new JcaX509v3CertificateBuilder(issuer.name(), CertificateFacts.newSerial(random),
                    Date.from(notBefore), Date.from(notAfter), subject, subjectKey);
            for (var extension : extensions) {
                builder.addExtension(extension.id(), extension.critical(), extension.value());
            }
            var utils = new JcaX509ExtensionUtils();
            builder.addExtension(Extension.subjectKeyIdentifier, false, utils.createSubjectKeyIdentifier(subjectKey));
            if (issuer.certificate() != null) {
                builder.addExtension(Extension.authorityKeyIdentifier, false, authorityKeyIdentifier(issuer, utils));
            }
            var signer = new JcaContentSignerBuilder(issuer.algorithm().signatureAlgorithm())
                    .setSecureRandom(random)
                    .build(issuer.key());
            return new JcaX509CertificateConverter().getCertificate(builder.build(signer));
        } catch (GeneralSecurityException | OperatorCreationException | CertIOException e) {
            throw new CertificateAuthorityException("Could not sign a certificate for " + subject, e);
        }
    }

    // Taken from the CA's own subject key identifier when it has one, so chains built by key id (OpenSSL does)
    // also work for a CA made elsewhere and brought in.
    private static AuthorityKeyIdentifier authorityKeyIdentifier(Issuer issuer, JcaX509ExtensionUtils utils) {
        var extension = issuer.certificate().getExtensionValue(Extension.subjectKeyIdentifier.getId());
        if (extension == null) {
            return utils.createAuthorityKeyIdentifier(issuer.certificate().getPublicKey());
        }
        var keyId = SubjectKeyIdentifier.getInstance(ASN1OctetString.getInstance(extension).getOctets());
        return new AuthorityKeyIdentifier(keyId.getKeyIdentifier());
    }
}
