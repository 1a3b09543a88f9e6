package io.harbormaster.api.machine;

/**
 * The answer to a client certificate request: the machine's endpoint, the caller's fresh material and the
 * fingerprint of the CA that signed it (the format of {@link MachineDetail#caFingerprint()}).
 */
public record IssuedClientCertificate(DockerEndpoint endpoint, ClientMaterial material, String caFingerprint) {

    public IssuedClientCertificate(DockerEndpoint endpoint, ClientMaterial material) {
        this(endpoint, material, null);
    }
}
