package io.harbormaster.query.audit;

import static org.assertj.core.api.Assertions.assertThat;

import io.harbormaster.api.machine.*;
import io.harbormaster.api.team.MemberAdded;
import io.harbormaster.api.team.MemberRemoved;
import io.harbormaster.api.team.MemberRoleChanged;
import io.harbormaster.api.team.TeamCreated;
import io.harbormaster.api.team.TeamId;
import io.harbormaster.api.team.TeamName;
import io.harbormaster.api.team.TeamRole;
import io.harbormaster.api.user.ApiTokenIssued;
import io.harbormaster.api.user.ApiTokenRevoked;
import io.harbormaster.api.user.UserId;
import io.harbormaster.api.user.UserRegistered;
import io.harbormaster.api.user.Username;
import io.harbormaster.query.testing.ReadModelDatabase;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every event of the contract gets an audit description attributed to the right team and subject. */
class AuditDescriberTest {

    static final Instant AT = Instant.parse("2026-03-01T10:00:00Z");

    @Test
    void everyEventOfTheContractIsDescribed() {
        var names = new AuditNames(ReadModelDatabase.fresh());
        var describer = new AuditDescriber(names);
        var team = TeamId.random();
        var user = UserId.random();
        var m = MachineId.random();
        names.user(user, "dora");
        names.team(team, "ops");
        names.machine(m, team, "web-7");
        List<Object> machineEvents = List.of(
                new MachineCreated(m, team, MachineName.of("web-7"), "generic", DriverOptions.none(), user),
                new MachineImported(m, team, MachineName.of("web-7"), "generic", DriverOptions.none(), user,
                        MachineState.Unknown, null, "tcp://h:2376", null, new io.harbormaster.api.machine.ImportedFrom(
                                "alice-laptop", "/home/alice/.docker/machine", "generic", DriverOptions.none())),
                new ProvisioningStarted(m, "ubuntu"), new ProvisioningStepCompleted(m, "install", 2, 5),
                new MachineProvisioned(m, "tcp://h:2376"), new ProvisioningFailed(m, "install", "x"),
                new MachineStartRequested(m), new MachineStarted(m), new MachineStopRequested(m), new MachineStopped(m),
                new MachineRestartRequested(m), new MachineRestarted(m), new MachineKillRequested(m), new MachineKilled(m),
                new LifecycleOperationFailed(m, LifecycleOperation.KILL, "x", MachineState.Running),
                new MachineStateObserved(m, MachineState.Running, MachineState.Stopped), new IpChanged(m, "a", "b"),
                new CertsRegenerated(m, "ip-changed", true, "fp", "01", AT, "p", 1, "ecdsa-p256", java.util.List.of("10.0.0.5")), new EngineUpgraded(m, "1", "2"),
                new ClientCertIssued(m, user, "01", AT), new MachineHandedOff(m, user, user, false),
                new SshUserCaInstalled(m, "SHA256:ca", "/etc/ssh/harbormaster_user_ca.pub"),
                new SshUserCaInstallFailed(m, "SHA256:ca", "x"),
                new SshCertIssued(m, user, "harbormaster:dora:web-7", "42", List.of("root"), AT, AT, "SHA256:k"),
                new io.harbormaster.api.machine.CertsRenewalRequested(m, "handed-off", true, null,
                        MachineName.of("web-7"), "tcp://h:2376", null, user),
                new io.harbormaster.api.machine.CertsRenewalFailed(m, "The secret store is sealed.", true),
                new MachineShared(m, Grantee.user(user), ShareRole.MEMBER), new MachineUnshared(m, Grantee.team(team)),
                new MachineRemovalRequested(m, true), new RemovalFailed(m, "x"),
                new MachineRemoved(m, team, MachineName.of("web-7")));

        for (var event : machineEvents) {
            var description = describer.describe(event).orElseThrow(() -> new AssertionError(event + " not described"));
            assertThat(description).as(event.toString())
                    .extracting(Description::teamId, Description::machineId, Description::subject)
                    .containsExactly(team, m, "web-7");
            assertThat(description.summary()).as(event.toString()).isNotBlank();
        }

        assertThat(describer.describe(new TeamCreated(team, TeamName.of("ops"), user)).orElseThrow())
                .isEqualTo(new Description(team, null, "ops", "team created by dora"));
        assertThat(describer.describe(new MemberRoleChanged(team, user, TeamRole.MEMBER, TeamRole.OWNER)).orElseThrow()
                .summary()).isEqualTo("dora's role changed from member to owner");
        assertThat(describer.describe(new MemberRemoved(team, user)).orElseThrow().summary())
                .isEqualTo("dora removed from the team");
        var credential = io.harbormaster.api.credential.CloudCredentialName.of("aws-prod");
        var aws = io.harbormaster.api.credential.CloudCredentialType.AWS;
        assertThat(describer.describe(new io.harbormaster.api.credential.CloudCredentialAdded(team, credential, aws,
                "MPLE", null, "eu-central-1", 1)).orElseThrow()).isEqualTo(new Description(team, null, "ops",
                "cloud credential 'aws-prod' added (aws, access key …MPLE, region eu-central-1)"));
        assertThat(describer.describe(new io.harbormaster.api.credential.CloudCredentialRotated(team, credential, aws,
                "NEW2", "arn:aws:iam::123456789012:role/hm", null, 2)).orElseThrow().summary()).isEqualTo(
                "cloud credential 'aws-prod' rotated (access key …NEW2, role arn:aws:iam::123456789012:role/hm, "
                        + "version 2)");
        assertThat(describer.describe(new io.harbormaster.api.credential.CloudCredentialRemoved(team, credential, aws,
                2)).orElseThrow()).isEqualTo(new Description(team, null, "ops", "cloud credential 'aws-prod' removed"));
        assertThat(describer.describe(new UserRegistered(user, Username.of("dora"), "Dora", true)).orElseThrow())
                .isEqualTo(new Description(null, null, "dora", "registered as Dora, platform admin"));
        assertThat(describer.describe(new ApiTokenIssued(user, "t1", "laptop", AT)).orElseThrow().summary())
                .isEqualTo("API token 'laptop' issued, expires 2026-03-01T10:00:00Z");
        assertThat(describer.describe(new ApiTokenRevoked(user, "t1")).orElseThrow().subject()).isEqualTo("dora");
        assertThat(describer.describe(new io.harbormaster.api.network.NetworksChanged(
                List.of("10.213.0.0/16", "169.254.169.254/32"), List.of("10.213.9.0/24"))).orElseThrow())
                .isEqualTo(new Description(null, null, "platform networks", "allowed networks set to "
                        + "[10.213.0.0/16, 169.254.169.254/32], denied [10.213.9.0/24]"));
    }

    @Test
    void anImportSaysWhereItCameFrom_theWorkstationTheStoreAndDocker_machinesDriver() {
        var names = new AuditNames(ReadModelDatabase.fresh());
        var describer = new AuditDescriber(names);
        var m = MachineId.random();
        var team = TeamId.random();
        var user = UserId.random();
        names.user(user, "dora");
        names.machine(m, team, "cloud");

        var imported = new MachineImported(m, team, MachineName.of("cloud"), "none",
                new DriverOptions(java.util.Map.of("url", "tcp://10.0.0.9:2376")), user, MachineState.Unknown, null,
                "tcp://10.0.0.9:2376", null, new io.harbormaster.api.machine.ImportedFrom("dora-laptop",
                        "/home/dora/.docker/machine", "amazonec2", DriverOptions.none()));

        assertThat(describer.describe(imported).orElseThrow().summary()).isEqualTo("imported from docker-machine on "
                + "dora-laptop (/home/dora/.docker/machine, driver amazonec2) as none at tcp://10.0.0.9:2376, held by "
                + "dora");
    }

    @Test
    void aPinnedHostKeyIsDescribedByItsFingerprint_withTheAddressWhenThereIsOne() {
        var names = new AuditNames(ReadModelDatabase.fresh());
        var describer = new AuditDescriber(names);
        var m = MachineId.random();
        names.machine(m, TeamId.random(), "web-7");
        var fingerprint = "SHA256:" + "A".repeat(43);

        assertThat(describer.describe(new SshHostKeyPinned(m, "10.0.0.5", "ssh-ed25519", fingerprint)).orElseThrow()
                .summary()).isEqualTo("SSH host key of 10.0.0.5 pinned: ssh-ed25519 " + fingerprint);
        assertThat(describer.describe(new SshHostKeyPinned(m, "", "ssh-ed25519", fingerprint)).orElseThrow()
                .summary()).isEqualTo("SSH host key pinned: ssh-ed25519 " + fingerprint);
    }

    @Test
    void sshAccessIsDescribedByWhoGotWhichCertificate_andWhichCaTheHostTrusts_neverByAKey() {
        var names = new AuditNames(ReadModelDatabase.fresh());
        var describer = new AuditDescriber(names);
        var m = MachineId.random();
        var dora = UserId.random();
        names.machine(m, TeamId.random(), "web-7");
        names.user(dora, "dora");
        var ca = "SHA256:" + "C".repeat(43);
        var key = "SHA256:" + "K".repeat(43);

        assertThat(describer.describe(new SshCertIssued(m, dora, "harbormaster:dora:web-7", "1234567890",
                List.of("root"), AT.minusSeconds(120), AT.plusSeconds(300), key)).orElseThrow().summary())
                .isEqualTo("SSH certificate issued to dora for root, valid until 2026-03-01T10:05:00Z (key " + key
                        + ", serial 1234567890)");
        assertThat(describer.describe(new SshUserCaInstalled(m, ca, "/etc/ssh/harbormaster_user_ca.pub"))
                .orElseThrow().summary()).isEqualTo("SSH user CA " + ca + " trusted by the host's sshd "
                + "(/etc/ssh/harbormaster_user_ca.pub)");
        assertThat(describer.describe(new SshUserCaInstallFailed(m, ca, "sshd -t refused the configuration."))
                .orElseThrow().summary()).isEqualTo("the host's sshd could not be made to trust the SSH user CA: "
                + "sshd -t refused the configuration.");
    }

    @Test
    void anObservationSaysWhatDoesNotAnswerAndSinceWhen_andAResumptionSaysThePlatformRestarted() {
        var names = new AuditNames(ReadModelDatabase.fresh());
        var describer = new AuditDescriber(names);
        var m = MachineId.random();
        names.machine(m, TeamId.random(), "web-7");

        assertThat(describer.describe(new MachineStateObserved(m, MachineState.Running, MachineState.Error,
                "host 10.213.0.7:22 unreachable", java.time.Instant.parse("2026-12-06T12:04:05Z"))).orElseThrow()
                .summary()).isEqualTo("observed Error (was Running): host 10.213.0.7:22 unreachable since "
                + "2026-12-06 12:04:05 UTC");
        assertThat(describer.describe(new MachineStateObserved(m, MachineState.Error, MachineState.Running))
                .orElseThrow().summary()).isEqualTo("observed Running (was Error)");
        assertThat(describer.describe(new io.harbormaster.api.machine.OperationResumed(m, "RENEW_CERTS"))
                .orElseThrow().summary()).isEqualTo("renew certs resumed after the platform restarted");
    }

    @Test
    void unknownPeopleAreNamedByTheirId() {
        var describer = new AuditDescriber(new AuditNames(ReadModelDatabase.fresh()));
        var stranger = UserId.random();
        var team = TeamId.random();

        var description = describer.describe(new MemberAdded(team, stranger, TeamRole.VIEWER))
                .orElseThrow();

        assertThat(description.summary()).isEqualTo(stranger.value() + " added as viewer");
        assertThat(description.subject()).isEqualTo(team.value());
    }
}
