package io.harbormaster.command.process.certificate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;

import io.harbormaster.api.machine.CertsRenewalRequested;
import io.harbormaster.api.machine.MachineCertificates;
import io.harbormaster.api.machine.MachineId;
import io.harbormaster.api.machine.MachineName;
import io.harbormaster.command.cert.CertificateAuthority;
import io.harbormaster.command.cert.CertificatePolicy;
import io.harbormaster.command.cert.MachineTls;
import io.harbormaster.command.driver.DriverCallExecutor;
import io.harbormaster.command.machine.FailCertsRenewalCommand;
import io.harbormaster.command.machine.RecordCertsRenewalCommand;
import io.harbormaster.command.process.MachineWork;
import io.harbormaster.command.secret.InMemorySecretStore;
import io.harbormaster.command.secret.SecretPath;
import java.util.concurrent.TimeUnit;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DisallowReplay;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

/** The certificate process makes and stores what a stored renewal request asks for, once, and reports it. */
class CertificateRenewalsTest {

    private static final MachineId MACHINE = MachineId.of("6b1d3c2e-0000-4000-8000-000000000001");
    private static final String URL = "tcp://192.0.2.10:2376";

    private final InMemorySecretStore secrets = new InMemorySecretStore();
    private final MachineTls tls = new MachineTls(new CertificateAuthority(), secrets, CertificatePolicy.defaults());
    private final CommandGateway gateway = mock(CommandGateway.class);

    @Test
    void aRequestWithoutRotation_getsANewServerCertificateFromTheSameCa_storedAsTheNextVersion() {
        var current = tls.regenerate(MACHINE, "web-1", URL, null, true, null);
        var made = renew(request(false, null, current));
        assertThat(made.caRotated()).isFalse();
        assertThat(made.caFingerprint()).isEqualTo(current.caFingerprint());
        assertThat(made.serverSerial()).isNotEqualTo(current.serverSerial());
        assertThat(made.secretVersion()).isEqualTo(current.secretVersion() + 1);
        assertThat(secrets.versionsOf(SecretPath.machineTls(MACHINE))).isEqualTo(2);
    }

    @Test
    void aRotationWithAnotherAlgorithm_makesANewCaOfThatAlgorithm() {
        var current = tls.regenerate(MACHINE, "web-1", URL, null, true, null);
        var made = renew(request(true, "rsa-2048", current));
        assertThat(made.caRotated()).isTrue();
        assertThat(made.keyAlgorithm()).isEqualTo("rsa-2048");
        assertThat(made.caFingerprint()).isNotEqualTo(current.caFingerprint());
    }

    @Test
    void whenTheStoreIsSealed_theFailureIsReportedAsRetryable_andNothingIsStored() {
        secrets.seal(true);
        var reported = run(request(true, null, null));
        assertThat(reported).isInstanceOfSatisfying(FailCertsRenewalCommand.class, failed -> {
            assertThat(failed.retryable()).isTrue();
            assertThat(failed.reason()).isNotBlank().doesNotContain("BEGIN");
        });
        secrets.seal(false);
        assertThat(secrets.versionsOf(SecretPath.machineTls(MACHINE))).isZero();
    }

    @Test
    void theOutcomeIsReportedAsWhoeverAskedForTheRenewal_soTheHistoryNamesWhoDecided() {
        var requester = CertificateRenewals.requester(org.axonframework.messaging.MetaData.from(java.util.Map.of(
                "actorId", "6b1d3c2e-0000-4000-8000-00000000a11c", "actorName", "alice", "channel", "cli",
                "clientAddress", "192.0.2.7", "correlationId", "corr-7")));
        assertThat(requester).isEqualTo(new io.harbormaster.api.audit.ActingContext(
                "6b1d3c2e-0000-4000-8000-00000000a11c", "alice", io.harbormaster.api.common.Channel.CLI, "192.0.2.7",
                "corr-7"));
        assertThat(CertificateRenewals.requester(org.axonframework.messaging.MetaData.with("correlationId", "c-9")))
                .isEqualTo(MachineWork.systemContext("c-9"));
    }

    @Test
    void theProcessRunsWithTheMachineProcessesAndNeverOnReplay() {
        assertThat(CertificateRenewals.class.getAnnotation(ProcessingGroup.class).value())
                .isEqualTo(MachineWork.PROCESSING_GROUP);
        assertThat(CertificateRenewals.class.isAnnotationPresent(DisallowReplay.class)).isTrue();
    }

    private static CertsRenewalRequested request(boolean rotateCa, String algorithm, MachineCertificates current) {
        return new CertsRenewalRequested(MACHINE, "requested", rotateCa, algorithm, MachineName.of("web-1"), URL,
                current, null);
    }

    private MachineCertificates renew(CertsRenewalRequested request) {
        var reported = run(request);
        assertThat(reported).isInstanceOf(RecordCertsRenewalCommand.class);
        return ((RecordCertsRenewalCommand) reported).certificates();
    }

    /** Hands the request to the process as its event handler does and answers what it reported. */
    private Object run(CertsRenewalRequested request) {
        try (var executor = new DriverCallExecutor(2)) {
            new CertificateRenewals(tls, new MachineWork(executor, gateway), (id, operation) -> true, null)
                    .on(request, org.axonframework.messaging.MetaData.with("correlationId", "corr-1"));
        }
        var sent = ArgumentCaptor.forClass(Object.class);
        verify(gateway).sendAndWait(sent.capture(), anyLong(), any(TimeUnit.class));
        return sent.getValue();
    }
}
