package io.harbormaster.workstation.dockermachine;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Checks that a machine's certificates fit together the way its daemon and docker-machine's client use them: the CA
 * is a CA and its key is its own, the server certificate (where there is one) was issued by that CA, is valid now,
 * names the address the Docker URL uses, and its key is its own; the client certificate was issued by the same CA and
 * its key is its own. With the JDK alone, so {@code hm import} can say what is wrong before anything is sent; the
 * server checks again with its own certificate authority code.
 */
final class MaterialCheck {

    private MaterialCheck() {
    }

    /** Names of the files in the store, for messages: {@code certs/ca.pem}, {@code machines/web/server.pem}, … */
    record Labels(String caCert, String caKey, String serverCert, String serverKey, String clientCert,
                  String clientKey, String sshKey) {
    }

    static void check(StoredMaterial material, Labels labels, String dockerHost, Instant now) {
        var ca = PemFile.certificate(labels.caCert(), material.caCert());
        if (ca.getBasicConstraints() < 0) {
            throw new UnreadableMachineException(labels.caCert() + " is not a CA certificate (its basic constraints "
                    + "say CA:FALSE), so it cannot have issued the machine's certificates");
        }
        requireCurrent(labels.caCert(), ca, now);
        requireOwnKey(labels.caKey(), PemFile.privateKey(labels.caKey(), material.caKey()), labels.caCert(), ca);
        if (material.serverCert() != null) {
            var server = PemFile.certificate(labels.serverCert(), material.serverCert());
            requireIssuedBy(labels.serverCert(), server, labels.caCert(), ca);
            requireCurrent(labels.serverCert(), server, now);
            requireNames(labels.serverCert(), server, dockerHost);
            requireOwnKey(labels.serverKey(), PemFile.privateKey(labels.serverKey(), material.serverKey()),
                    labels.serverCert(), server);
        }
        var client = PemFile.certificate(labels.clientCert(), material.clientCert());
        requireIssuedBy(labels.clientCert(), client, labels.caCert(), ca);
        requireOwnKey(labels.clientKey(), PemFile.privateKey(labels.clientKey(), material.clientKey()),
                labels.clientCert(), client);
        if (material.sshKey() != null) {
            requireUsableSshKey(labels.sshKey(), material.sshKey());
        }
    }

    private static void requireCurrent(String label, X509Certificate certificate, Instant now) {
        if (certificate.getNotAfter().toInstant().isBefore(now)) {
            throw new UnreadableMachineException(label + " expired on " + certificate.getNotAfter().toInstant()
                    + "; docker refuses it too (run docker-machine regenerate-certs first)");
        }
    }

    private static void requireIssuedBy(String label, X509Certificate certificate, String caLabel,
                                        X509Certificate ca) {
        try {
            certificate.verify(ca.getPublicKey());
        } catch (GeneralSecurityException e) {
            throw new UnreadableMachineException(label + " was not issued by the CA in " + caLabel + " (the store's "
                    + "CA was made again since; docker-machine regenerate-certs re-issues it)");
        }
    }

    private static void requireNames(String label, X509Certificate server, String host) {
        var names = new ArrayList<String>();
        try {
            var alternatives = server.getSubjectAlternativeNames();
            if (alternatives != null) {
                for (List<?> name : alternatives) {
                    var type = (Integer) name.get(0);
                    if (type == 2 || type == 7) {
                        names.add(name.get(1).toString());
                    }
                }
            }
        } catch (CertificateParsingException e) {
            throw new UnreadableMachineException(label + " has a damaged subject alternative name extension");
        }
        for (var name : names) {
            if (sameHost(name, host)) {
                return;
            }
        }
        throw new UnreadableMachineException(label + " names " + (names.isEmpty() ? "no address"
                : String.join(", ", names)) + " but the machine is reached at " + host
                + "; docker would refuse it (run docker-machine regenerate-certs first)");
    }

    private static boolean sameHost(String name, String host) {
        if (name.equalsIgnoreCase(host)) {
            return true;
        }
        if (!looksLikeAddress(name) || !looksLikeAddress(host)) {
            return false;
        }
        try {
            // both are literals here, so nothing is looked up; this compares 0:0::1 and ::1 alike
            return InetAddress.getByName(name).equals(InetAddress.getByName(host));
        } catch (UnknownHostException e) {
            return false;
        }
    }

    private static boolean looksLikeAddress(String text) {
        return text.matches("[0-9.]+") || text.contains(":");
    }

    private static void requireOwnKey(String keyLabel, PrivateKey key, String certificateLabel,
                                      X509Certificate certificate) {
        if (!keyMatches(key, certificate.getPublicKey())) {
            throw new UnreadableMachineException(keyLabel + " is not the key of " + certificateLabel
                    + " (the two come from different certificates)");
        }
    }

    private static boolean keyMatches(PrivateKey key, PublicKey publicKey) {
        var algorithm = switch (key.getAlgorithm().toUpperCase(Locale.ROOT)) {
            case "RSA" -> "SHA256withRSA";
            case "EC" -> "SHA256withECDSA";
            case "ED25519", "EDDSA" -> "Ed25519";
            default -> null;
        };
        if (algorithm == null) {
            return false;
        }
        try {
            var probe = "harbormaster import key check".getBytes(StandardCharsets.US_ASCII);
            var signer = Signature.getInstance(algorithm);
            signer.initSign(key);
            signer.update(probe);
            var signature = signer.sign();
            var verifier = Signature.getInstance(algorithm);
            verifier.initVerify(publicKey);
            verifier.update(probe);
            return verifier.verify(signature);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return false;
        }
    }

    private static void requireUsableSshKey(String label, String text) {
        if (!PemFile.looksLikePrivateKey(text)) {
            throw new UnreadableMachineException(label + " is not an SSH private key in OpenSSH or PEM format");
        }
        if (text.contains("Proc-Type: 4,ENCRYPTED") || text.contains("BEGIN ENCRYPTED PRIVATE KEY")
                || PemFile.isEncryptedOpenSshKey(text)) {
            throw new UnreadableMachineException(label + " is protected by a passphrase; the platform uses the key "
                    + "unattended, so give it without one (ssh-keygen -p -N '' -f a copy of it)");
        }
    }
}
