package io.harbormaster.api.machine;

/** The answer to a client certificate request: the machine's endpoint and the caller's fresh material. */
public record IssuedClientCertificate(DockerEndpoint endpoint, ClientMaterial material) {
}
