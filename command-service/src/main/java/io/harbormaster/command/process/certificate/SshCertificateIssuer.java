package io.harbormaster.command.process.certificate;

import static io.harbormaster.api.audit.AuditMetadata.ACTOR_NAME;

import io.harbormaster.api.machine.IssueSshCertCommand;
import io.harbormaster.api.machine.IssuedSshCertificate;
import io.harbormaster.api.machine.MachineId;
import io.harbormaster.api.machine.MachineName;
import io.harbormaster.command.driver.DriverRegistry;
import io.harbormaster.command.lookup.MachineRecords;
import io.harbormaster.command.machine.AuthorizeSshCertCommand;
import io.harbormaster.command.machine.MachineConflictException;
import io.harbormaster.command.machine.RecordSshCertCommand;
import io.harbormaster.command.machine.SshCertGrant;
import io.harbormaster.command.refusal.InvalidCommandException;
import io.harbormaster.command.ssh.InvalidSshKeyException;
import io.harbormaster.command.ssh.MachineSshUserCas;
import io.harbormaster.command.ssh.SshUserCa;
import io.harbormaster.command.ssh.SshUserCertificatePolicy;
import io.harbormaster.command.ssh.SshUserPublicKey;
import io.harbormaster.driver.DriverException;
import io.harbormaster.driver.SshTarget;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import java.time.Clock;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Signs the acting user's SSH public key into a short-lived certificate for a machine's host: the machine decides
 * whether they may and which CA its host trusts ({@code AuthorizeSshCertCommand}), the CA signs (read from the secret
 * store, nothing written), and the machine records who got which certificate ({@code SshCertIssued}, without key).
 * The certificate logs in as the user the platform itself reaches the host as, the driver's SSH user.
 */
@Component
class SshCertificateIssuer {

    /** The request's field that holds the key, as the refusals name it. */
    static final String PUBLIC_KEY = "publicKey";

    private final MachineSshUserCas userCas;
    private final SshUserCertificatePolicy policy;
    private final MachineRecords records;
    private final DriverRegistry drivers;
    private final CommandGateway commands;
    private final Clock clock = Clock.systemUTC();
    private final Counter issued;

    SshCertificateIssuer(MachineSshUserCas userCas, SshUserCertificatePolicy policy, MachineRecords records,
                         DriverRegistry drivers, CommandGateway commands, ObjectProvider<MeterRegistry> meters) {
        this.userCas = userCas;
        this.policy = policy;
        this.records = records;
        this.drivers = drivers;
        this.commands = commands;
        this.issued = Counter.builder("harbormaster.ssh.certificates.issued")
                .description("SSH user certificates signed for users (recorded on their machine)")
                .register(meters.getIfAvailable(CompositeMeterRegistry::new));
    }

    @CommandHandler
    IssuedSshCertificate handle(IssueSshCertCommand command, @MetaDataValue(ACTOR_NAME) String username) {
        var key = publicKey(command.publicKey());
        SshCertGrant grant = commands.sendAndWait(new AuthorizeSshCertCommand(command.machineId()));
        var target = sshTarget(command.machineId());
        var ca = userCa(command.machineId(), grant);
        var certificate = policy.sign(ca, key, username, grant.machineName().value(), target.user(), clock);
        var serial = Long.toUnsignedString(certificate.serial());
        commands.sendAndWait(new RecordSshCertCommand(command.machineId(), certificate.keyId(), serial,
                certificate.principals(), certificate.validAfter(), certificate.validBefore(), key.fingerprint(),
                ca.fingerprint()));
        issued.increment();
        return new IssuedSshCertificate(grant.machineName().value(), certificate.line(), target.user(),
                target.host(), target.port(), certificate.principals(), certificate.keyId(), serial,
                certificate.validAfter(), certificate.validBefore(), grant.hostKeyType(), grant.hostKeyFingerprint(),
                ca.fingerprint());
    }

    private static SshUserPublicKey publicKey(String line) {
        try {
            return SshUserPublicKey.parse(line);
        } catch (InvalidSshKeyException e) {
            throw new InvalidCommandException(PUBLIC_KEY, e.getMessage());
        }
    }

    /** Where and as whom the platform reaches the host: the certificate is for the same. */
    private SshTarget sshTarget(MachineId machineId) {
        var machine = records.find(machineId).orElseThrow(() -> new MachineConflictException("Harbormaster has no "
                + "driver settings for machine " + machineId.value() + "; it may have been removed meanwhile."));
        var driver = drivers.get(machine.driver());
        try {
            return driver.sshTarget(machine.toRef()).orElseThrow(() -> new MachineConflictException("The "
                    + driver.name() + " driver gives no SSH access to the host of machine '" + machine.name() + "'."));
        } catch (DriverException e) {
            throw new MachineConflictException(e.getMessage());
        }
    }

    /** The CA in the secret store, which must be the one the host was told to trust. */
    private SshUserCa userCa(MachineId machineId, SshCertGrant grant) {
        var name = grant.machineName();
        var ca = userCas.find(machineId).orElseThrow(() -> new MachineConflictException("The SSH user CA of machine '"
                + name + "' is missing from the secret store. " + provisionAgain(name)));
        if (!ca.fingerprint().equals(grant.caFingerprint())) {
            throw new MachineConflictException("The SSH user CA of machine '" + name + "' in the secret store is not "
                    + "the one its host trusts. " + provisionAgain(name));
        }
        return ca;
    }

    private static String provisionAgain(MachineName name) {
        return "Provision it again (hm provision " + name + ") so its host trusts the current one, then ask again.";
    }
}
