package io.harbormaster.command.process.operation;

import static io.harbormaster.command.machine.MachineGivens.Ids.ALICE;
import static io.harbormaster.command.machine.MachineGivens.Ids.MACHINE;
import static io.harbormaster.command.machine.MachineGivens.Ids.NAME;
import static io.harbormaster.command.machine.MachineGivens.Ids.TEAM;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.inOrder;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.harbormaster.command.process.provisioning.ProvisioningStepTimes;
import io.harbormaster.api.audit.ActingContext;
import io.harbormaster.api.audit.CurrentActingContext;
import io.harbormaster.command.machine.CompleteCreationCommand;
import io.harbormaster.command.machine.CompleteLifecycleOperationCommand;
import io.harbormaster.command.machine.CompleteRemovalCommand;
import io.harbormaster.api.machine.DriverOptions;
import io.harbormaster.command.machine.FailCreationCommand;
import io.harbormaster.command.machine.FailLifecycleOperationCommand;
import io.harbormaster.command.machine.FailRemovalCommand;
import io.harbormaster.command.machine.ObserveAddressCommand;
import io.harbormaster.command.process.provisioning.MachineProvisioning;
import io.harbormaster.driver.MachineRef;
import io.harbormaster.api.machine.LifecycleOperation;
import io.harbormaster.api.machine.MachineCreated;
import io.harbormaster.api.machine.MachineKillRequested;
import io.harbormaster.api.machine.MachineRemovalRequested;
import io.harbormaster.api.machine.MachineRestartRequested;
import io.harbormaster.api.machine.MachineStartRequested;
import io.harbormaster.api.machine.MachineStopRequested;
import io.harbormaster.driver.CreateResult;
import io.harbormaster.command.driver.DriverCallExecutor;
import io.harbormaster.driver.DriverException;
import io.harbormaster.command.driver.DriverRegistry;
import io.harbormaster.command.driver.FakeDriver;
import io.harbormaster.command.lookup.InMemoryLookups;
import io.harbormaster.command.lookup.MachineRecord;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DisallowReplay;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The processes call the driver off the event thread and report the outcome back as commands. */
class MachineProcessesTest {

    private final FakeDriver driver = new FakeDriver();
    private final CommandGateway gateway = mock(CommandGateway.class);
    private final List<ActingContext> reportedAs = new CopyOnWriteArrayList<>();
    private InMemoryLookups lookups;

    @BeforeEach
    void setUp() {
        lookups = new InMemoryLookups().withMachine(new MachineRecord(MACHINE, TEAM, NAME, FakeDriver.NAME,
                DriverOptions.none(), "tcp://192.0.2.10:2376"));
        when(gateway.sendAndWait(any(), anyLong(), any())).thenAnswer(call -> {
            reportedAs.add(CurrentActingContext.orSystem());
            return null;
        });
    }

    private final io.harbormaster.command.secret.InMemorySecretStore secrets =
            new io.harbormaster.command.secret.InMemorySecretStore();
    private final io.harbormaster.command.cert.MachineTls tls = new io.harbormaster.command.cert.MachineTls(
            new io.harbormaster.command.cert.CertificateAuthority(), secrets,
            io.harbormaster.command.cert.CertificatePolicy.defaults());

    @Test
    void whenMachineCreated_thenTheDriverCreatesItAndCreationCompletesWithItsUrl() {
        run(processes -> processes.on(created(), "corr-1", java.time.Instant.now()));
        assertThat(driver.calls()).containsExactly("create web-1");
        verify(gateway).sendAndWait(org.mockito.ArgumentMatchers.argThat(command ->
                command instanceof CompleteCreationCommand complete
                        && complete.dockerUrl().equals("tcp://192.0.2.10:2376")
                        && complete.certificates() != null && complete.certificates().caRotated()
                        && complete.certificates().serverNames().contains("192.0.2.10")
                        && complete.certificates().secretVersion() == 1),
                anyLong(), eq(TimeUnit.SECONDS));
        // the first CA and server certificate are stored before the creation is reported
        assertThat(secrets.allValues()).anySatisfy(value -> assertThat(value).contains("BEGIN CERTIFICATE"));
    }

    @Test
    void whenTheSecretStoreIsSealed_thenCreationFailsWithTheStoresReason() {
        secrets.seal(true);
        run(processes -> processes.on(created(), "corr-1", java.time.Instant.now()));
        verify(gateway).sendAndWait(org.mockito.ArgumentMatchers.argThat(command ->
                command instanceof FailCreationCommand fail && fail.reason().contains("sealed")),
                anyLong(), eq(TimeUnit.SECONDS));
    }

    @Test
    void whenTheDriverCannotCreate_thenCreationFailsWithItsReason() {
        driver.creating(new CreateResult.Failed("no capacity in eu-west-1"));
        run(processes -> processes.on(created(), "corr-1", java.time.Instant.now()));
        verifyReported(new FailCreationCommand(MACHINE, "no capacity in eu-west-1"));
    }

    @Test
    void whenStartRequested_thenTheDriverStartsAndTheStartCompletes() {
        run(processes -> processes.on(new MachineStartRequested(MACHINE), "corr-2"));
        assertThat(driver.calls()).containsExactly("start web-1");
        verifyReported(new CompleteLifecycleOperationCommand(MACHINE, LifecycleOperation.START));
    }

    @Test
    void whenAProvisionedHostStartsAtANewAddress_thenTheAddressIsRecordedAndTheEngineAwaitedBeforeTheStartCompletes() {
        // EC2 gives an instance without an Elastic IP a new public IP at every start
        var provisioning = mock(MachineProvisioning.class);
        runWith(provisioningDriverAt("192.0.2.77"), provisioning,
                processes -> processes.on(new MachineStartRequested(MACHINE), "corr-10"));
        var order = inOrder(gateway, provisioning);
        order.verify(gateway).sendAndWait(eq(new ObserveAddressCommand(MACHINE, "192.0.2.77")), anyLong(),
                eq(TimeUnit.SECONDS));
        order.verify(provisioning).awaitEngineAfterReboot(any(), eq(java.util.Optional.empty()));
        order.verify(gateway).sendAndWait(eq(new CompleteLifecycleOperationCommand(MACHINE, LifecycleOperation.START)),
                anyLong(), eq(TimeUnit.SECONDS));
    }

    @Test
    void whenAProvisionedHostStartsAtItsAddress_thenNoAddressChangeIsRecorded() {
        var provisioning = mock(MachineProvisioning.class);
        runWith(provisioningDriverAt("192.0.2.10"), provisioning,
                processes -> processes.on(new MachineStartRequested(MACHINE), "corr-11"));
        verify(gateway, never()).sendAndWait(any(ObserveAddressCommand.class), anyLong(), any());
        verify(provisioning).awaitEngineAfterReboot(any(), eq(java.util.Optional.empty()));
        verifyReported(new CompleteLifecycleOperationCommand(MACHINE, LifecycleOperation.START));
    }

    @Test
    void whenAProvisionedHostRestarts_thenItIsRunningOnlyOnceANewBootAnswers() {
        // EC2 accepts RebootInstances and reboots a while later: the boot from before must not count
        var provisioning = mock(MachineProvisioning.class);
        when(provisioning.currentBoot(any())).thenReturn(java.util.Optional.of("boot-1"));
        var driver = provisioningDriverAt("192.0.2.10");
        runWith(driver, provisioning, processes -> processes.on(new MachineRestartRequested(MACHINE), "corr-12"));
        assertThat(driver.calls()).containsExactly("restart web-1");
        var order = inOrder(provisioning, gateway);
        order.verify(provisioning).currentBoot(any());
        order.verify(provisioning).awaitEngineAfterReboot(any(), eq(java.util.Optional.of("boot-1")));
        order.verify(gateway).sendAndWait(eq(new CompleteLifecycleOperationCommand(MACHINE,
                LifecycleOperation.RESTART)), anyLong(), eq(TimeUnit.SECONDS));
    }

    @Test
    void whenStopRequestedAndTheDriverFails_thenTheStopFailsWithTheDriversMessage() {
        driver.failingWith(new DriverException("host 192.0.2.10 did not answer over SSH"));
        run(processes -> processes.on(new MachineStopRequested(MACHINE), "corr-3"));
        verifyReported(new FailLifecycleOperationCommand(MACHINE, LifecycleOperation.STOP,
                "host 192.0.2.10 did not answer over SSH"));
    }

    @Test
    void whenTheDriverFailsUnexpectedly_thenTheFailureSaysNothingInternal() {
        driver.failingWith(new IllegalStateException("password=hunter2 at line 42"));
        run(processes -> processes.on(new MachineKillRequested(MACHINE), "corr-4"));
        verifyReported(new FailLifecycleOperationCommand(MACHINE, LifecycleOperation.KILL,
                "The driver failed unexpectedly; the details are in the server log."));
    }

    @Test
    void whenRemovalRequested_thenTheDriverRemovesAndTheRemovalCompletes() {
        run(processes -> processes.on(new MachineRemovalRequested(MACHINE, false), "corr-5"));
        assertThat(driver.calls()).containsExactly("remove web-1");
        verifyReported(new CompleteRemovalCommand(MACHINE));
    }

    @Test
    void whenRemovalFails_thenTheRemovalFailsWithTheReason() {
        driver.failingWith(new DriverException("instance is protected"));
        run(processes -> processes.on(new MachineRemovalRequested(MACHINE, true), "corr-6"));
        verifyReported(new FailRemovalCommand(MACHINE, "instance is protected"));
    }

    @Test
    void whenTheMachineHasNoRecord_thenTheOperationFailsWithoutCallingAnyDriver() {
        lookups = new InMemoryLookups();
        run(processes -> processes.on(new MachineStartRequested(MACHINE), "corr-7"));
        assertThat(driver.calls()).isEmpty();
        verify(gateway).sendAndWait(eq(new FailLifecycleOperationCommand(MACHINE, LifecycleOperation.START,
                "Harbormaster has no driver settings for this machine; it may have been removed meanwhile.")),
                anyLong(), any());
    }

    @Test
    void reportsAreSentAsTheSystemUnderTheEventsCorrelationId() {
        run(processes -> processes.on(new MachineStartRequested(MACHINE), "corr-8"));
        assertThat(reportedAs).singleElement().satisfies(context -> {
            assertThat(context.actorId()).isEqualTo("system");
            assertThat(context.correlationId()).isEqualTo("corr-8");
        });
    }

    @Test
    void whenTheOperationIsNoLongerPending_thenNoDriverIsCalledAndNothingIsReported() {
        // An old request seen again, e.g. on the processor's first start: its outcome is already recorded.
        try (var executor = new DriverCallExecutor(2)) {
            new MachineProcesses(new DriverRegistry(List.of(driver)), lookups, new io.harbormaster.command.process.MachineWork(executor, gateway),
                    (id, operation) -> false, tls, null, ProvisioningStepTimes.unrecorded()).on(new MachineStopRequested(MACHINE), "corr-9");
        }
        assertThat(driver.calls()).isEmpty();
        verify(gateway, org.mockito.Mockito.never()).sendAndWait(any(), anyLong(), any());
    }

    @Test
    void theProcessesRunInTheirOwnProcessingGroupAndNeverOnReplay() {
        assertThat(MachineProcesses.class.getAnnotation(ProcessingGroup.class).value()).isEqualTo("machine-processes");
        assertThat(MachineProcesses.class.isAnnotationPresent(DisallowReplay.class)).isTrue();
    }

    /** Runs the handler and waits for the driver call it submitted. */
    private void run(java.util.function.Consumer<MachineProcesses> handler) {
        try (var executor = new DriverCallExecutor(2)) {
            handler.accept(new MachineProcesses(new DriverRegistry(List.of(driver)), lookups, new io.harbormaster.command.process.MachineWork(executor, gateway),
                    (id, operation) -> true, tls, null, ProvisioningStepTimes.unrecorded())); // the fake driver does not provision
        }
    }

    private void runWith(FakeDriver provisioningDriver, MachineProvisioning provisioning,
                         java.util.function.Consumer<MachineProcesses> handler) {
        try (var executor = new DriverCallExecutor(2)) {
            handler.accept(new MachineProcesses(new DriverRegistry(List.of(provisioningDriver)), lookups,
                    new io.harbormaster.command.process.MachineWork(executor, gateway), (id, operation) -> true, tls,
                    provisioning, ProvisioningStepTimes.unrecorded()));
        }
    }

    /** A driver that provisions over SSH and whose host now answers at {@code address}. */
    private static FakeDriver provisioningDriverAt(String address) {
        return new FakeDriver() {
            @Override
            public boolean provisions() {
                return true;
            }

            @Override
            public List<String> addresses(MachineRef machine) {
                return List.of(address);
            }
        };
    }

    private void verifyReported(Object command) {
        verify(gateway).sendAndWait(eq(command), anyLong(), eq(TimeUnit.SECONDS));
    }

    private static MachineCreated created() {
        return new MachineCreated(MACHINE, TEAM, NAME, FakeDriver.NAME, DriverOptions.none(), ALICE);
    }
}
