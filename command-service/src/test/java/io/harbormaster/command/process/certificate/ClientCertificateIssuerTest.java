package io.harbormaster.command.process.certificate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.harbormaster.api.machine.IssueClientCertCommand;
import io.harbormaster.api.machine.MachineId;
import io.harbormaster.command.cert.CertificateAuthority;
import io.harbormaster.command.cert.CertificatePolicy;
import io.harbormaster.command.cert.MachineTls;
import io.harbormaster.command.cert.Pem;
import io.harbormaster.command.machine.AuthorizeClientCertCommand;
import io.harbormaster.command.machine.ClientCertGrant;
import io.harbormaster.api.machine.DockerEndpoint;
import io.harbormaster.command.machine.RecordClientCertCommand;
import io.harbormaster.command.refusal.ForbiddenException;
import io.harbormaster.command.secret.InMemorySecretStore;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.Test;

/** A client certificate: the machine grants it, the CA signs it, the machine records its serial; nothing is stored. */
class ClientCertificateIssuerTest {

    private static final MachineId MACHINE = MachineId.of("6b1d3c2e-0000-4000-8000-000000000001");
    private static final String URL = "tcp://192.0.2.10:2376";

    private final InMemorySecretStore secrets = new InMemorySecretStore();
    private final MachineTls tls = new MachineTls(new CertificateAuthority(), secrets, CertificatePolicy.defaults());
    private final CommandGateway commands = mock(CommandGateway.class);

    @Test
    void aGrantedUserGetsACertificateOfTheMachinesCa_whoseSerialTheMachineRecords() throws Exception {
        var current = tls.regenerate(MACHINE, "web-1", URL, null, true, null);
        var endpoint = new DockerEndpoint("web-1", URL);
        when(commands.sendAndWait(new AuthorizeClientCertCommand(MACHINE)))
                .thenReturn(new ClientCertGrant(endpoint, current, "default"));
        var versionsBefore = secrets.allValues().size();

        var issued = new ClientCertificateIssuer(tls, commands).handle(new IssueClientCertCommand(MACHINE), "bob");

        assertThat(issued.endpoint()).isEqualTo(endpoint);
        var certificate = Pem.readCertificate(issued.material().certPem());
        assertThat(certificate.getSubjectX500Principal().getName()).startsWith("CN=bob");
        assertThat(issued.material().caPem()).isEqualTo(tls.server(current).caPem());
        verify(commands).sendAndWait(new RecordClientCertCommand(MACHINE, issued.material().serial(),
                issued.material().notAfter(), current.secretVersion()));
        assertThat(secrets.allValues()).hasSize(versionsBefore);
    }

    @Test
    void aRefusedGrantIssuesAndRecordsNothing() {
        when(commands.sendAndWait(new AuthorizeClientCertCommand(MACHINE)))
                .thenThrow(new ForbiddenException("You may see machine 'web-1' but not use it."));
        assertThatThrownBy(() -> new ClientCertificateIssuer(tls, commands)
                .handle(new IssueClientCertCommand(MACHINE), "vic")).isInstanceOf(ForbiddenException.class);
        verify(commands, never()).sendAndWait(any(RecordClientCertCommand.class));
    }
}
