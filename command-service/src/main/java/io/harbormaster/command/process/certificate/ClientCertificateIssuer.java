package io.harbormaster.command.process.certificate;

import static io.harbormaster.api.audit.AuditMetadata.ACTOR_NAME;

import io.harbormaster.api.machine.IssueClientCertCommand;
import io.harbormaster.command.cert.InvalidCertificateRequestException;
import io.harbormaster.command.cert.MachineTls;
import io.harbormaster.command.machine.AuthorizeClientCertCommand;
import io.harbormaster.command.machine.ClientCertGrant;
import io.harbormaster.api.machine.IssuedClientCertificate;
import io.harbormaster.command.machine.MachineConflictException;
import io.harbormaster.command.machine.RecordClientCertCommand;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Issues the acting user a client certificate: the machine decides whether they may and from which material, the
 * certificate authority signs (reading the CA from the secret store, writing nothing), and the machine records the
 * serial. The key goes back to the caller only, never into an event.
 */
@Component
class ClientCertificateIssuer {

    private final MachineTls tls;
    private final CommandGateway commands;
    private final Counter issued;

    ClientCertificateIssuer(MachineTls tls, CommandGateway commands) {
        this(tls, commands, new CompositeMeterRegistry());
    }

    @Autowired
    ClientCertificateIssuer(MachineTls tls, CommandGateway commands, ObjectProvider<MeterRegistry> meters) {
        this(tls, commands, meters.getIfAvailable(CompositeMeterRegistry::new));
    }

    private ClientCertificateIssuer(MachineTls tls, CommandGateway commands, MeterRegistry meters) {
        this.tls = tls;
        this.commands = commands;
        this.issued = Counter.builder("harbormaster.client.certificates.issued")
                .description("Client certificates issued to users (recorded on their machine)")
                .register(meters);
    }

    @CommandHandler
    IssuedClientCertificate handle(IssueClientCertCommand command, @MetaDataValue(ACTOR_NAME) String username) {
        ClientCertGrant grant = commands.sendAndWait(new AuthorizeClientCertCommand(command.machineId()));
        try {
            var material = tls.issueClient(grant.certificates(), username, grant.teamName());
            commands.sendAndWait(new RecordClientCertCommand(command.machineId(), material.serial(),
                    material.notAfter(), grant.certificates().secretVersion()));
            issued.increment();
            return new IssuedClientCertificate(grant.endpoint(), material, grant.certificates().caFingerprint());
        } catch (InvalidCertificateRequestException e) {
            throw new MachineConflictException(e.getMessage());
        }
    }
}
