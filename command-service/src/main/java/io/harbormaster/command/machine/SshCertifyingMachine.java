package io.harbormaster.command.machine;

import static io.harbormaster.api.audit.AuditMetadata.ACTOR_ID;
import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import io.harbormaster.api.machine.MachineState;
import io.harbormaster.api.machine.SshCertIssued;
import io.harbormaster.api.user.UserId;
import io.harbormaster.command.lookup.AccessDirectory;
import io.harbormaster.command.machine.MachineAccessRules.Right;
import io.harbormaster.command.refusal.ConflictException;
import io.harbormaster.command.refusal.UnsupportedByDriverException;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.messaging.annotation.MetaDataValue;

/**
 * The machine's decisions on SSH user certificates for its host: who may have one (whoever may use the machine, as
 * for client certificates), for which drivers (those that reach their hosts over SSH), in which states, and only once
 * the host's sshd trusts the machine's SSH user CA. The CA signs between the two commands, outside the aggregate.
 */
abstract class SshCertifyingMachine extends GuardedMachine {

    /** The refusal's code when the host does not trust the machine's SSH user CA (yet). */
    static final String CA_NOT_TRUSTED = "ssh-user-ca-not-trusted";

    /** Whether the acting user may have an SSH certificate, and which CA may sign it; appends nothing. */
    @CommandHandler
    SshCertGrant handle(AuthorizeSshCertCommand command, DriverRules drivers, @MetaDataValue(ACTOR_ID) String actorId,
                        AccessDirectory access) {
        requireSshCertificate(drivers, actorId, access);
        return new SshCertGrant(name, sshUserCaFingerprint, hostKeyType, hostKeyFingerprint);
    }

    /** Records a certificate signed for the acting user; refused when the host trusts another CA by now. */
    @CommandHandler
    void handle(RecordSshCertCommand command, DriverRules drivers, @MetaDataValue(ACTOR_ID) String actorId,
                AccessDirectory access) {
        var user = requireSshCertificate(drivers, actorId, access);
        if (!sshUserCaFingerprint.equals(command.caFingerprint())) {
            throw new MachineConflictException("The SSH user CA of machine '" + name + "' changed while your "
                    + "certificate was being signed, so it would not log in. Ask again.");
        }
        apply(new SshCertIssued(machineId, user, command.keyId(), command.serial(), command.principals(),
                command.validAfter(), command.validBefore(), command.keyFingerprint()));
    }

    private UserId requireSshCertificate(DriverRules drivers, String actorId, AccessDirectory access) {
        require(Right.USE, MachineAction.SSH, actorId, access);
        if (state != MachineState.Removed && !drivers.provisions(driver)) {
            throw new UnsupportedByDriverException("The " + driver + " driver gives no SSH access to its host: "
                    + "Harbormaster does not reach it over SSH, so it signs no SSH certificates for it.");
        }
        accepts(MachineAction.SSH);
        var user = actingUser(actorId, "SSH certificates");
        if (sshUserCaFingerprint == null) {
            throw new ConflictException(CA_NOT_TRUSTED, caNotTrusted());
        }
        if (hostKeyFingerprint == null) {
            throw new MachineConflictException("Machine '" + name + "' has no pinned host key, so its host cannot "
                    + "be told from an impostor. Provision it again (hm provision " + name + ").");
        }
        return user;
    }

    private String caNotTrusted() {
        var remedy = "provision it again (hm provision " + name + ") or regenerate its certificates "
                + "(hm regenerate-certs " + name + "), then ask again.";
        if (sshUserCaProblem != null) {
            return "The host of machine '" + name + "' does not trust its SSH user CA: the last attempt failed: "
                    + sshUserCaProblem + " Once that is fixed, " + remedy;
        }
        return "The host of machine '" + name + "' does not trust its SSH user CA yet: machines created or imported "
                + "before Harbormaster signed SSH certificates get it on their next provisioning or certificate "
                + "regeneration. To get it now, " + remedy;
    }
}
