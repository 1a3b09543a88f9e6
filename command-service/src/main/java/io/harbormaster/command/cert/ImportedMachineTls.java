package io.harbormaster.command.cert;

import io.harbormaster.api.machine.MachineCertificates;
import io.harbormaster.api.machine.MachineId;
import io.harbormaster.command.machine.ImportedCertificates;
import io.harbormaster.command.machine.ImportedTls;
import io.harbormaster.command.machine.MachineNotImportableException;
import io.harbormaster.command.secret.SecretPath;
import io.harbormaster.command.secret.SecretStore;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.function.Supplier;

/**
 * A docker-machine CA and the certificates it issued, checked and kept as an imported machine's TLS material: the same
 * secret {@link MachineTls} keeps ({@code ca.pem}, {@code ca-key.pem}, {@code server.pem}, {@code server-key.pem}),
 * keys rewritten as PKCS#8. From then on the platform issues client certificates from that CA, which the machine's
 * daemon already trusts, until a regeneration with CA rotation gives the machine a CA of its own.
 */
public class ImportedMachineTls implements ImportedCertificates {

    private final SecretStore secrets;
    private final Clock clock;

    public ImportedMachineTls(SecretStore secrets, Clock clock) {
        this.secrets = secrets;
        this.clock = clock;
    }

    @Override
    public void check(ImportedTls tls, String dockerHost, boolean serverRequired) {
        read(tls, dockerHost, serverRequired);
    }

    @Override
    public MachineCertificates store(MachineId machineId, ImportedTls tls) {
        var checked = read(tls, null, tls.serverCert() != null);
        var data = new LinkedHashMap<String, String>();
        data.put(MachineTls.CA_CERT, checked.ca().certificatePem());
        data.put(MachineTls.CA_KEY, checked.ca().privateKeyPem());
        if (checked.server() != null) {
            data.put(MachineTls.SERVER_CERT, Pem.certificate(checked.server()));
            data.put(MachineTls.SERVER_KEY, Pem.privateKey(checked.serverKey()));
        }
        var path = SecretPath.machineTls(machineId);
        var version = secrets.write(path, data);
        var server = checked.server();
        return new MachineCertificates(false, checked.ca().fingerprint(),
                server == null ? null : CertificateFacts.serial(server),
                server == null ? checked.ca().notAfter() : server.getNotAfter().toInstant(), path.value(),
                version.number(), checked.ca().algorithm().text(), server == null ? List.of() : names(server),
                server == null ? null : CertificateFacts.fingerprint(server));
    }

    @Override
    public void destroy(MachineId machineId) {
        secrets.destroy(SecretPath.machineTls(machineId));
    }

    private Checked read(ImportedTls tls, String dockerHost, boolean serverRequired) {
        var ca = part("tls.caCert", () -> MachineCa.fromPem(require(tls.caCert(), "tls.caCert"),
                require(tls.caKey(), "tls.caKey")));
        if (!ca.notAfter().isAfter(clock.instant())) {
            throw new MachineNotImportableException("tls.caCert", "the CA expired on " + ca.notAfter()
                    + "; docker-machine would make a new one (and need every machine provisioned again)");
        }
        X509Certificate server = null;
        PrivateKey serverKey = null;
        if (serverRequired || tls.serverCert() != null) {
            server = part("tls.serverCert", () -> Pem.readCertificate(require(tls.serverCert(), "tls.serverCert")));
            requireIssuedBy("tls.serverCert", server, ca);
            if (!server.getNotAfter().toInstant().isAfter(clock.instant())) {
                throw new MachineNotImportableException("tls.serverCert", "expired on "
                        + server.getNotAfter().toInstant() + "; docker refuses it too (run docker-machine "
                        + "regenerate-certs first)");
            }
            if (dockerHost != null) {
                requireNames(server, dockerHost);
            }
            serverKey = part("tls.serverKey", () -> Pem.readPrivateKey(require(tls.serverKey(), "tls.serverKey")));
            if (!keyMatches(serverKey, server)) {
                throw new MachineNotImportableException("tls.serverKey", "is not the key of tls.serverCert (the two "
                        + "come from different certificates)");
            }
        }
        var client = part("tls.clientCert", () -> Pem.readCertificate(require(tls.clientCert(), "tls.clientCert")));
        requireIssuedBy("tls.clientCert", client, ca);
        return new Checked(ca, server, serverKey);
    }

    private static String require(String pem, String part) {
        if (pem == null || pem.isBlank()) {
            throw new MachineNotImportableException(part, "missing");
        }
        return pem;
    }

    /** Runs a read of one part; the CA code's refusals (which never quote the text) become this part's. */
    private static <T> T part(String part, Supplier<T> read) {
        try {
            return read.get();
        } catch (CertificateAuthorityException | InvalidCertificateRequestException e) {
            throw new MachineNotImportableException(part, e.getMessage());
        }
    }

    private static void requireIssuedBy(String part, X509Certificate certificate, MachineCa ca) {
        try {
            certificate.verify(ca.certificate().getPublicKey());
        } catch (GeneralSecurityException e) {
            throw new MachineNotImportableException(part, "was not issued by the CA of tls.caCert ("
                    + CertificateFacts.subject(ca.certificate()) + ")");
        }
    }

    private static void requireNames(X509Certificate server, String host) {
        var names = names(server);
        for (var name : names) {
            if (sameHost(name, host)) {
                return;
            }
        }
        throw new MachineNotImportableException("tls.serverCert", "names " + (names.isEmpty() ? "no address"
                : String.join(", ", names)) + " but the machine is reached at " + host + "; docker would refuse it "
                + "(run docker-machine regenerate-certs first)");
    }

    private static List<String> names(X509Certificate server) {
        var names = new ArrayList<String>();
        try {
            var alternatives = server.getSubjectAlternativeNames();
            if (alternatives != null) {
                for (var name : alternatives) {
                    var type = (Integer) name.get(0);
                    if (type == 2 || type == 7) {
                        names.add(name.get(1).toString());
                    }
                }
            }
        } catch (CertificateParsingException e) {
            throw new MachineNotImportableException("tls.serverCert", "its subject alternative names are damaged");
        }
        return names;
    }

    private static boolean sameHost(String name, String host) {
        if (name.equalsIgnoreCase(host)) {
            return true;
        }
        var literals = (name.matches("[0-9.]+") || name.contains(":")) && (host.matches("[0-9.]+")
                || host.contains(":"));
        try {
            // both are address literals here, so nothing is looked up
            return literals && InetAddress.getByName(name).equals(InetAddress.getByName(host));
        } catch (UnknownHostException e) {
            return false;
        }
    }

    private static boolean keyMatches(PrivateKey key, X509Certificate certificate) {
        try {
            var algorithm = KeyAlgorithm.of(certificate.getPublicKey()).signatureAlgorithm();
            var probe = "harbormaster import key check".getBytes(StandardCharsets.US_ASCII);
            var signer = Signature.getInstance(algorithm);
            signer.initSign(key);
            signer.update(probe);
            var signature = signer.sign();
            var verifier = Signature.getInstance(algorithm);
            verifier.initVerify(certificate.getPublicKey());
            verifier.update(probe);
            return verifier.verify(signature);
        } catch (GeneralSecurityException | InvalidCertificateRequestException e) {
            return false;
        }
    }

    /** The parsed material; never printed. */
    private record Checked(MachineCa ca, X509Certificate server, PrivateKey serverKey) {

        @Override
        public String toString() {
            return "Checked[" + ca + "]";
        }
    }
}
