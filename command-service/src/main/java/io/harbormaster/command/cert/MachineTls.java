package io.harbormaster.command.cert;

import io.harbormaster.api.machine.ClientMaterial;
import io.harbormaster.api.machine.MachineCertificates;
import io.harbormaster.api.machine.MachineId;
import io.harbormaster.command.secret.SecretPath;
import io.harbormaster.command.secret.SecretStore;
import io.harbormaster.command.secret.SecretMissingException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A machine's TLS material in the secret store: the CA (certificate and key) and the server certificate (certificate
 * and key) as one secret at {@code harbormaster/machines/<id>/tls}, one version per renewal. Events keep the path
 * and version ({@link MachineCertificates}), so everything later is read from exactly the material an event names.
 * Client certificates are issued from that CA on demand and never stored.
 */
public class MachineTls {

    static final String CA_CERT = "ca.pem";
    static final String CA_KEY = "ca-key.pem";
    static final String SERVER_CERT = "server.pem";
    static final String SERVER_KEY = "server-key.pem";

    private final CertificateAuthority authority;
    private final SecretStore secrets;
    private final CertificatePolicy policy;

    public MachineTls(CertificateAuthority authority, SecretStore secrets, CertificatePolicy policy) {
        this.authority = authority;
        this.secrets = secrets;
        this.policy = policy;
    }

    /** The platform's policy: the default key algorithm, validities and extra names. */
    public CertificatePolicy policy() {
        return policy;
    }

    /**
     * Makes new material for the machine reached at {@code dockerUrl} and stores it as the next version.
     *
     * @param current the material in use (null when the machine has none yet: a CA is made then)
     * @param rotateCa make a new CA even though there is one
     * @param algorithm the new CA's key algorithm; null keeps the current CA's, or the policy's for a first CA
     */
    public MachineCertificates regenerate(MachineId machineId, String machineName, String dockerUrl,
                                          MachineCertificates current, boolean rotateCa, KeyAlgorithm algorithm) {
        return regenerate(machineId, machineName, dockerUrl, current, rotateCa, algorithm, List.of());
    }

    /**
     * As {@link #regenerate(MachineId, String, String, MachineCertificates, boolean, KeyAlgorithm)}, with extra names
     * of the machine's own ({@code --tls-san}) in the server certificate besides the policy's; they are listed in
     * the answer's server names too, so {@code CertsRegenerated} records them.
     */
    public MachineCertificates regenerate(MachineId machineId, String machineName, String dockerUrl,
                                          MachineCertificates current, boolean rotateCa, KeyAlgorithm algorithm,
                                          List<String> extraNames) {
        var addresses = addressesOf(dockerUrl);
        var extra = extraNames == null ? List.<String>of() : extraNames;
        MachineCa ca;
        boolean rotated;
        if (current == null || rotateCa) {
            var chosen = algorithm != null ? algorithm
                    : current != null ? KeyAlgorithm.parse(current.keyAlgorithm()) : policy.keyAlgorithm();
            ca = authority.createCa(machineName, policy.withKeyAlgorithm(chosen));
            rotated = true;
        } else {
            if (algorithm != null && algorithm != KeyAlgorithm.parse(current.keyAlgorithm())) {
                throw new InvalidCertificateRequestException("The key algorithm is chosen when the CA is made: "
                        + "regenerate with CA rotation to change it from " + current.keyAlgorithm() + " to "
                        + algorithm.text() + ".");
            }
            ca = ca(current);
            rotated = false;
        }
        var serverPolicy = extra.isEmpty() ? policy : policy.withExtraSans(concat(policy.extraSans(), extra));
        var server = authority.issueServer(ca, machineName, addresses, serverPolicy);
        var version = secrets.write(SecretPath.machineTls(machineId), Map.of(
                CA_CERT, ca.certificatePem(), CA_KEY, ca.privateKeyPem(),
                SERVER_CERT, server.certificatePem(), SERVER_KEY, server.privateKeyPem()));
        var names = new ArrayList<>(addresses);
        names.add(machineName);
        extra.stream().filter(name -> !names.contains(name)).forEach(names::add);
        return new MachineCertificates(rotated, ca.fingerprint(), server.serial(), server.notAfter(),
                SecretPath.machineTls(machineId).value(), version.number(), ca.algorithm().text(), List.copyOf(names),
                server.fingerprint());
    }

    /** A fresh client certificate for the user, signed by the CA of {@code current}, valid for the policy's time. */
    public ClientMaterial issueClient(MachineCertificates current, String username, String teamName) {
        var ca = ca(current);
        var client = authority.issueClient(ca, username, teamName, policy.clientValidity());
        return new ClientMaterial(ca.certificatePem(), client.certificatePem(), client.privateKeyPem(),
                client.serial(), client.notAfter());
    }

    /** The server certificate and key of {@code current}, for the provisioner to push to the machine. */
    public ServerMaterial server(MachineCertificates current) {
        var secret = read(current);
        return new ServerMaterial(secret.value(CA_CERT), secret.value(SERVER_CERT), secret.value(SERVER_KEY));
    }

    /** Removes every version of the machine's material, as when the machine is removed. */
    public void destroy(MachineId machineId) {
        secrets.destroy(SecretPath.machineTls(machineId));
    }

    private MachineCa ca(MachineCertificates current) {
        var secret = read(current);
        return MachineCa.fromPem(secret.value(CA_CERT), secret.value(CA_KEY));
    }

    private io.harbormaster.command.secret.Secret read(MachineCertificates current) {
        var path = SecretPath.of(current.secretPath());
        return secrets.read(path, current.secretVersion()).orElseThrow(() -> new SecretMissingException(path));
    }

    private static List<String> concat(List<String> first, List<String> second) {
        var all = new ArrayList<>(first);
        all.addAll(second);
        return all;
    }

    /** The host of the Docker URL: the address the server certificate must name. */
    static List<String> addressesOf(String dockerUrl) {
        if (dockerUrl == null || dockerUrl.isBlank()) {
            throw new InvalidCertificateRequestException("The machine has no Docker URL yet, so there is no address "
                    + "to put in its server certificate; wait until it is created.");
        }
        String host;
        try {
            host = URI.create(dockerUrl.strip()).getHost();
        } catch (IllegalArgumentException e) {
            host = null;
        }
        if (host == null || host.isBlank()) {
            throw new InvalidCertificateRequestException("The machine's Docker URL '" + dockerUrl
                    + "' names no host; expected tcp://<address>:<port>.");
        }
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        return List.of(host);
    }
}
