package io.harbormaster.command.machine;

import io.harbormaster.api.machine.DockerEndpoint;
import io.harbormaster.api.machine.MachineCertificates;

/** The answer to {@link AuthorizeClientCertCommand}: where the daemon is, which CA signs, for which team. */
public record ClientCertGrant(DockerEndpoint endpoint, MachineCertificates certificates, String teamName) {
}
