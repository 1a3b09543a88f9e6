package io.harbormaster.command.cert;

import io.harbormaster.command.cert.CertificateSigner.ExtensionValue;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;

/**
 * Makes a machine's CA and the certificates it signs: the server certificate dockerd presents and client
 * certificates for users. Keeps no state besides its clock and random source, so one instance serves every machine.
 */
public final class CertificateAuthority {

    /** How far before "now" certificates start, so a machine whose clock runs behind accepts them at once. */
    static final Duration CLOCK_SKEW = Duration.ofMinutes(5);
    static final String ORGANIZATION = "Harbormaster";
    // Machines answer on localhost too: `ssh -L 2376:localhost:2376` tunnels then verify like direct connections.
    // The name only ever vouches for this machine, since each machine has its own CA.
    static final String LOCALHOST = "localhost";

    private final Clock clock;
    private final SecureRandom random;
    private final CertificateSigner signer;

    public CertificateAuthority() {
        this(Clock.systemUTC(), new SecureRandom());
    }

    public CertificateAuthority(Clock clock, SecureRandom random) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.random = Objects.requireNonNull(random, "random");
        this.signer = new CertificateSigner(random);
    }

    /** A new CA for the machine, valid for the default CA validity. */
    public MachineCa createCa(String machineName, KeyAlgorithm algorithm) {
        return createCa(machineName, CertificatePolicy.defaults().withKeyAlgorithm(algorithm));
    }

    /** A new CA for the machine with the policy's key algorithm and CA validity. */
    public MachineCa createCa(String machineName, CertificatePolicy policy) {
        requireText("Machine name", machineName);
        var algorithm = policy.keyAlgorithm();
        var keys = algorithm.generateKeyPair(random);
        var name = name(null, machineName + " CA");
        var now = now();
        var certificate = signer.sign(new CertificateSigner.Issuer(name, null, keys.getPrivate(), algorithm), name,
                keys.getPublic(), now.minus(CLOCK_SKEW), now.plus(policy.caValidity()), List.of(
                        new ExtensionValue(Extension.basicConstraints, true, new BasicConstraints(true)),
                        new ExtensionValue(Extension.keyUsage, true,
                                new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign))));
        return new MachineCa(certificate, keys.getPrivate());
    }

    /**
     * The certificate dockerd presents. Names every address (IP literals as IP names, the rest as DNS names), the
     * machine name when it is a usable DNS name, {@code localhost}, and the policy's extra names.
     */
    public IssuedCertificate issueServer(MachineCa ca, String machineName, List<String> addresses,
            CertificatePolicy policy) {
        Objects.requireNonNull(ca, "ca");
        Objects.requireNonNull(policy, "policy");
        requireText("Machine name", machineName);
        if (addresses == null || addresses.isEmpty()) {
            throw new InvalidCertificateRequestException("A server certificate for machine '" + machineName
                    + "' needs at least one address of the machine; wait until the machine has an address.");
        }
        var names = new ArrayList<>(addresses);
        // docker-machine names can hold "..", which no DNS name can; such a machine is still reached by address.
        if (SubjectAlternativeNames.isDnsName(machineName)) {
            names.add(machineName);
        }
        names.add(LOCALHOST);
        names.addAll(policy.extraSans());
        var subjectAlternativeNames = SubjectAlternativeNames.of(names);
        // keyEncipherment only means something for RSA key transport; RFC 5480 does not allow it on EC keys.
        var usage = ca.algorithm().isRsa() ? KeyUsage.digitalSignature | KeyUsage.keyEncipherment
                : KeyUsage.digitalSignature;
        return issue(ca, name(null, machineName), policy.serverValidity(), List.of(
                new ExtensionValue(Extension.keyUsage, true, new KeyUsage(usage)),
                new ExtensionValue(Extension.extendedKeyUsage, false,
                        new ExtendedKeyUsage(KeyPurposeId.id_kp_serverAuth)),
                new ExtensionValue(Extension.subjectAlternativeName, false, subjectAlternativeNames)));
    }

    /** A short-lived client certificate naming the user and the team it was issued through. */
    public IssuedCertificate issueClient(MachineCa ca, String username, String teamName, Duration validity) {
        Objects.requireNonNull(ca, "ca");
        requireText("Username", username);
        requireText("Team name", teamName);
        CertificatePolicy.checkClientValidity(validity);
        return issue(ca, name(teamName, username), validity, List.of(
                new ExtensionValue(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature)),
                new ExtensionValue(Extension.extendedKeyUsage, false,
                        new ExtendedKeyUsage(KeyPurposeId.id_kp_clientAuth))));
    }

    private IssuedCertificate issue(MachineCa ca, X500Name subject, Duration validity,
            List<ExtensionValue> extensions) {
        var now = now();
        if (!ca.notAfter().isAfter(now)) {
            throw new CertificateAuthorityException("The CA " + CertificateFacts.subject(ca.certificate())
                    + " expired at " + ca.notAfter() + "; rotate the machine's CA before issuing certificates.");
        }
        var keys = ca.algorithm().generateKeyPair(random);
        var all = new ArrayList<ExtensionValue>();
        all.add(new ExtensionValue(Extension.basicConstraints, true, new BasicConstraints(false)));
        all.addAll(extensions);
        // A certificate cannot outlive its CA in any useful way, so its stated end is honest about that.
        var notAfter = min(now.plus(validity), ca.notAfter());
        var certificate = signer.sign(CertificateSigner.Issuer.of(ca), subject, keys.getPublic(),
                now.minus(CLOCK_SKEW), notAfter, all);
        return new IssuedCertificate(certificate, keys.getPrivate());
    }

    private Instant now() {
        // X.509 times hold whole seconds; truncating keeps notAfter() equal to what the certificate says.
        return clock.instant().truncatedTo(ChronoUnit.SECONDS);
    }

    private static X500Name name(String organizationalUnit, String commonName) {
        var builder = new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.O, ORGANIZATION);
        if (organizationalUnit != null) {
            builder.addRDN(BCStyle.OU, organizationalUnit);
        }
        return builder.addRDN(BCStyle.CN, commonName).build();
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }

    private static void requireText(String what, String value) {
        if (value == null || value.isBlank()) {
            throw new InvalidCertificateRequestException(
                    what + " is missing; a certificate needs it to name its holder.");
        }
    }
}
