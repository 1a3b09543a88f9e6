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
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.axonframework.commandhandling.gateway.CommandGateway;
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

    ClientCertificateIssuer(MachineTls tls, CommandGateway commands) {
        this.tls = tls;
        this.commands = commands;
    }

    @CommandHandler
    IssuedClientCertificate handle(IssueClientCertCommand command, @MetaDataValue(ACTOR_NAME) String username) {
        ClientCertGrant grant = commands.sendAndWait(new AuthorizeClientCertCommand(command.machineId()));
        try {
            var material = tls.issueClient(grant.certificates(), username, grant.teamName());
            commands.sendAndWait(new RecordClientCertCommand(command.machineId(), material.serial(),
                    material.notAfter(), grant.certificates().secretVersion()));
            return new IssuedClientCertificate(grant.endpoint(), material);
        } catch (InvalidCertificateRequestException e) {
            throw new MachineConflictException(e.getMessage());
        }
    }
}
