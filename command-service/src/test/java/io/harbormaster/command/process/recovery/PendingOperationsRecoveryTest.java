package io.harbormaster.command.process.recovery;

import static io.harbormaster.command.machine.MachineGivens.Ids.MACHINE;
import static io.harbormaster.command.machine.MachineGivens.Ids.NAME;
import static io.harbormaster.command.machine.MachineGivens.Ids.TEAM;
import static org.assertj.core.api.Assertions.assertThat;

import io.harbormaster.command.process.provisioning.ProvisioningStepTimes;
import io.harbormaster.api.audit.AuditMetadata;
import io.harbormaster.command.machine.CompleteCreationCommand;
import io.harbormaster.command.machine.CompleteLifecycleOperationCommand;
import io.harbormaster.command.machine.CompleteRemovalCommand;
import io.harbormaster.api.machine.DriverOptions;
import io.harbormaster.command.machine.FailCreationCommand;
import io.harbormaster.command.machine.FailLifecycleOperationCommand;
import io.harbormaster.command.machine.FailRemovalCommand;
import io.harbormaster.command.machine.RecordResumptionCommand;
import io.harbormaster.api.machine.LifecycleOperation;
import io.harbormaster.api.machine.MachineStopRequested;
import io.harbormaster.command.audit.ActingContextDispatchInterceptor;
import io.harbormaster.command.driver.DriverCallExecutor;
import io.harbormaster.driver.DriverException;
import io.harbormaster.command.driver.DriverRegistry;
import io.harbormaster.command.driver.FakeDriver;
import io.harbormaster.command.lookup.InMemoryLookups;
import io.harbormaster.command.process.MachineOperation;
import io.harbormaster.command.process.operation.MachineProcesses;
import io.harbormaster.command.lookup.MachineRecord;
import io.harbormaster.command.process.PendingOperation;
import java.time.Instant;
import io.harbormaster.command.process.MachineProcessesClaimed;
import java.util.List;
import org.axonframework.eventhandling.Segment;
import org.axonframework.eventhandling.async.SequentialPerAggregatePolicy;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.SimpleCommandBus;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.commandhandling.gateway.DefaultCommandGateway;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;

/**
 * Operations cut off by a restart are resumed through the processes' own path, with a fake driver and a real command
 * bus whose dispatch interceptor stamps the metadata, so the reports' correlation ids are the ones a machine sees.
 */
class PendingOperationsRecoveryTest {

    private static final Instant STARTED_AT = Instant.parse("2026-03-04T10:00:00Z");
    private static final Instant BEFORE_START = STARTED_AT.minusSeconds(90);

    private final FakeDriver driver = new FakeDriver();
    private final InMemoryLookups lookups = new InMemoryLookups().withMachine(new MachineRecord(MACHINE, TEAM, NAME,
            FakeDriver.NAME, DriverOptions.none(), "tcp://192.0.2.10:2376"));
    private final List<PendingOperation> pending = new CopyOnWriteArrayList<>();
    private final List<CommandMessage<?>> reports = new CopyOnWriteArrayList<>();
    private final List<CommandMessage<?>> resumptions = new CopyOnWriteArrayList<>();
    private final CommandGateway gateway = reportingGateway();
    private final io.harbormaster.command.secret.InMemorySecretStore secrets =
            new io.harbormaster.command.secret.InMemorySecretStore();
    private final io.harbormaster.command.cert.MachineTls tls = new io.harbormaster.command.cert.MachineTls(
            new io.harbormaster.command.cert.CertificateAuthority(), secrets,
            io.harbormaster.command.cert.CertificatePolicy.defaults());
    private final org.axonframework.eventsourcing.eventstore.EventStore events =
            org.axonframework.eventsourcing.eventstore.EmbeddedEventStore.builder()
                    .storageEngine(new org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine())
                    .build();
    private DriverCallExecutor currentExecutor;

    @Test
    void aStopPendingFromBeforeStartUpIsResumedAndCompletesUnderItsOriginalCorrelationId() {
        pending.add(new PendingOperation(MACHINE, MachineOperation.STOP, BEFORE_START, "corr-stop-1"));
        recover(PendingOperationsRecovery::resume);
        assertThat(driver.calls()).containsExactly("stop web-1");
        assertThat(reports).singleElement().satisfies(report -> {
            assertThat(report.getPayload())
                    .isEqualTo(new CompleteLifecycleOperationCommand(MACHINE, LifecycleOperation.STOP));
            assertThat(report.getMetaData()).containsEntry(AuditMetadata.CORRELATION_ID, "corr-stop-1")
                    .containsEntry(AuditMetadata.ACTOR_ID, AuditMetadata.SYSTEM_ACTOR)
                    .containsEntry(AuditMetadata.CHANNEL, "system");
        });
    }

    @Test
    void eachResumedOperationIsRecordedOnItsMachineFirst_asTheSystemUnderItsCorrelationId() {
        pending.add(new PendingOperation(MACHINE, MachineOperation.CREATE, BEFORE_START, "corr-create-2"));
        pending.add(new PendingOperation(MACHINE, MachineOperation.RENEW_CERTS, BEFORE_START, "corr-renew-2"));
        pending.add(new PendingOperation(MACHINE, MachineOperation.STOP, STARTED_AT, "corr-new"));
        recover(PendingOperationsRecovery::resume);
        assertThat(resumptions.stream().<Object>map(CommandMessage::getPayload).toList()).containsExactly(
                new RecordResumptionCommand(MACHINE, "CREATE"), new RecordResumptionCommand(MACHINE, "RENEW_CERTS"));
        assertThat(resumptions.getFirst().getMetaData())
                .containsEntry(AuditMetadata.CORRELATION_ID, "corr-create-2")
                .containsEntry(AuditMetadata.ACTOR_ID, AuditMetadata.SYSTEM_ACTOR);
        assertThat(resumptions.get(1).getMetaData()).containsEntry(AuditMetadata.CORRELATION_ID, "corr-renew-2");
    }

    @Test
    void anOperationRequestedSinceStartUpIsLeftToTheRunningProcesses() {
        pending.add(new PendingOperation(MACHINE, MachineOperation.STOP, STARTED_AT, "corr-now"));
        pending.add(new PendingOperation(MACHINE, MachineOperation.START, STARTED_AT.plusSeconds(1), "corr-later"));
        recover(PendingOperationsRecovery::resume);
        assertThat(driver.calls()).isEmpty();
        assertThat(reports).isEmpty();
        assertThat(resumptions).isEmpty();
    }

    @Test
    void aDriverFailureOnResumeReportsTheFailCommandUnderTheOriginalCorrelationId() {
        driver.failingWith(new DriverException("host 192.0.2.10 did not answer over SSH"));
        pending.add(new PendingOperation(MACHINE, MachineOperation.STOP, BEFORE_START, "corr-stop-2"));
        recover(PendingOperationsRecovery::resume);
        assertThat(reports).singleElement().satisfies(report -> {
            assertThat(report.getPayload()).isEqualTo(new FailLifecycleOperationCommand(MACHINE,
                    LifecycleOperation.STOP, "host 192.0.2.10 did not answer over SSH"));
            assertThat(report.getMetaData()).containsEntry(AuditMetadata.CORRELATION_ID, "corr-stop-2");
        });
    }

    @Test
    void aPendingCreationIsResumedWithTheMachinesRecordedSettings() {
        pending.add(new PendingOperation(MACHINE, MachineOperation.CREATE, BEFORE_START, "corr-create"));
        recover(PendingOperationsRecovery::resume);
        assertThat(driver.calls()).containsExactly("create web-1");
        assertThat(payloads()).singleElement().isInstanceOfSatisfying(CompleteCreationCommand.class, complete -> {
            assertThat(complete.dockerUrl()).isEqualTo("tcp://192.0.2.10:2376");
            assertThat(complete.certificates().serverNames()).contains("192.0.2.10");
        });
    }

    @Test
    void aPendingCertificateRenewalIsResumedFromItsRecordedRequest_andStoresOneVersion() {
        var request = new io.harbormaster.api.machine.CertsRenewalRequested(MACHINE, "requested", true, null, NAME,
                "tcp://192.0.2.10:2376", null, null);
        events.publish(new org.axonframework.eventhandling.GenericDomainEventMessage<>("Machine", MACHINE.value(), 0,
                request, org.axonframework.messaging.MetaData.with(AuditMetadata.CORRELATION_ID, "corr-renew")));
        pending.add(new PendingOperation(MACHINE, MachineOperation.RENEW_CERTS, BEFORE_START, "corr-renew"));
        recover(PendingOperationsRecovery::resume);
        assertThat(driver.calls()).isEmpty();
        assertThat(reports).singleElement().satisfies(report -> {
            assertThat(report.getPayload()).isInstanceOfSatisfying(
                    io.harbormaster.command.machine.RecordCertsRenewalCommand.class, recorded ->
                            assertThat(recorded.certificates().serverNames()).contains("192.0.2.10", "web-1"));
            assertThat(report.getMetaData()).containsEntry(AuditMetadata.CORRELATION_ID, "corr-renew");
        });
        assertThat(secrets.versionsOf(io.harbormaster.command.secret.SecretPath.machineTls(MACHINE))).isEqualTo(1);
    }

    @Test
    void aPendingRemovalThatFailsAgainReportsFailRemoval() {
        driver.failingWith(new DriverException("instance is protected"));
        pending.add(new PendingOperation(MACHINE, MachineOperation.REMOVE, BEFORE_START, "corr-rm"));
        recover(PendingOperationsRecovery::resume);
        assertThat(payloads()).containsExactly(new FailRemovalCommand(MACHINE, "instance is protected"));
    }

    @Test
    void anOperationTheProcessorIsRunningAgainIsNotStartedTwice() {
        pending.add(new PendingOperation(MACHINE, MachineOperation.STOP, BEFORE_START, "corr-redelivered"));
        var release = new CountDownLatch(1);
        try (var executor = new DriverCallExecutor(1)) {
            executor.submit(() -> await(release));
            // the blocker must hold the only permit before the stop is submitted, or the stop may run (and end)
            // before recovery looks, and recovery would rightly run it again
            while (executor.availablePermits() > 0) {
                Thread.onSpinWait();
            }
            var processes = processes(executor);
            processes.run(MACHINE, MachineOperation.STOP, "corr-redelivered"); // as the handler of MachineStopRequested does
            recovery(processes).resume();
            release.countDown();
        }
        assertThat(driver.calls()).containsExactly("stop web-1");
        assertThat(payloads()).containsExactly(new CompleteLifecycleOperationCommand(MACHINE, LifecycleOperation.STOP));
    }

    @Test
    void recoveryRunsOnceWhenTheApplicationIsReady() throws NoSuchMethodException {
        pending.add(new PendingOperation(MACHINE, MachineOperation.STOP, BEFORE_START, "corr-once"));
        recover(recovery -> {
            recovery.onReady();
            recovery.onReady();
        });
        assertThat(driver.calls()).containsExactly("stop web-1");
        var listener = PendingOperationsRecovery.class.getDeclaredMethod("onReady").getAnnotation(EventListener.class);
        assertThat(listener.value()).containsExactly(ApplicationReadyEvent.class);
    }

    @Test
    void aReplicaThatDoesNotHoldTheMachineProcesses_resumesNothing_theHolderCarriesThemOut() {
        pending.add(new PendingOperation(MACHINE, MachineOperation.STOP, BEFORE_START, "corr-elsewhere"));
        try (var executor = new DriverCallExecutor(2)) {
            var processes = processes(executor);
            new PendingOperationsRecovery(() -> List.copyOf(pending), processes, renewals(processes), gateway,
                    STARTED_AT, List::of, segments -> machine -> true).onReady();
        }
        assertThat(driver.calls()).isEmpty();
    }

    @Test
    void aReplicaThatClaimsTheMachineProcessesLater_resumesWhatWasRequestedBeforeTheClaim() throws Exception {
        // requested after this replica started, on the replica that held the processes and then died
        pending.add(new PendingOperation(MACHINE, MachineOperation.STOP, Instant.now().minusSeconds(5),
                "corr-taken-over"));
        try (var executor = new DriverCallExecutor(2)) {
            var processes = processes(executor);
            var recovery = new PendingOperationsRecovery(() -> List.copyOf(pending), processes, renewals(processes),
                    gateway, STARTED_AT, List::of, segments -> machine -> true);
            recovery.onReady();
            assertThat(driver.calls()).isEmpty();

            recovery.onClaimed(new MachineProcessesClaimed(List.of(Segment.ROOT_SEGMENT)));
            var deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(10);
            while (driver.calls().isEmpty() && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
        }
        assertThat(driver.calls()).containsExactly("stop web-1");
    }

    /** The two halves of the machine processes' segments: the one that delivers the test machine's events, and the other. */
    private static List<Segment> machineSegmentFirst() {
        var halves = Segment.ROOT_SEGMENT.split();
        var ours = new MachineSegments(List.of(halves[0]), SequentialPerAggregatePolicy.instance()).test(MACHINE);
        return ours ? List.of(halves[0], halves[1]) : List.of(halves[1], halves[0]);
    }

    private PendingOperationsRecovery recoveryHolding(MachineProcesses processes, List<Segment> held) {
        return new PendingOperationsRecovery(() -> List.copyOf(pending), processes, renewals(processes), gateway,
                STARTED_AT, () -> held,
                segments -> new MachineSegments(segments, SequentialPerAggregatePolicy.instance()));
    }

    @Test
    void aReplicaHoldingOtherSegmentsThanTheMachines_resumesNothingForIt() {
        pending.add(new PendingOperation(MACHINE, MachineOperation.STOP, BEFORE_START, "corr-other-segment"));
        try (var executor = new DriverCallExecutor(2)) {
            var processes = processes(executor);
            recoveryHolding(processes, List.of(machineSegmentFirst().get(1))).onReady();
        }
        assertThat(driver.calls()).isEmpty();
    }

    @Test
    void aReplicaHoldingTheMachinesSegment_resumesIt() {
        pending.add(new PendingOperation(MACHINE, MachineOperation.STOP, BEFORE_START, "corr-own-segment"));
        try (var executor = new DriverCallExecutor(2)) {
            var processes = processes(executor);
            recoveryHolding(processes, List.of(machineSegmentFirst().get(0))).onReady();
        }
        assertThat(driver.calls()).containsExactly("stop web-1");
    }

    @Test
    void claimingASegmentLater_resumesOnlyThatSegmentsMachines() throws Exception {
        pending.add(new PendingOperation(MACHINE, MachineOperation.STOP, Instant.now().minusSeconds(5),
                "corr-claimed-segment"));
        var halves = machineSegmentFirst();
        try (var executor = new DriverCallExecutor(2)) {
            var processes = processes(executor);
            var recovery = recoveryHolding(processes, List.of());
            recovery.onReady();
            recovery.onClaimed(new MachineProcessesClaimed(List.of(halves.get(1))));
            Thread.sleep(300);
            assertThat(driver.calls()).isEmpty();

            recovery.onClaimed(new MachineProcessesClaimed(List.of(halves.get(0))));
            var deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (driver.calls().isEmpty() && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
        }
        assertThat(driver.calls()).containsExactly("stop web-1");
    }

    @Test
    void anOperationAnotherReplicaStillCarriesOut_isLeftToIt_andResumedHereOnlyOnceThatReplicaWent()
            throws Exception {
        pending.add(new PendingOperation(MACHINE, MachineOperation.STOP, BEFORE_START, "corr-moving"));
        var heldElsewhere = new java.util.concurrent.atomic.AtomicBoolean(true);
        var claims = new io.harbormaster.command.process.MachineWorkClaims() {
            @Override
            public boolean claim(io.harbormaster.api.machine.MachineId machine, String kind, String correlationId) {
                return !heldElsewhere.get();
            }

            @Override
            public boolean claimedElsewhere(io.harbormaster.api.machine.MachineId machine, String kind,
                                            String correlationId) {
                return heldElsewhere.get();
            }

            @Override
            public void release(io.harbormaster.api.machine.MachineId machine, String kind, String correlationId) {
            }
        };
        try (var executor = new DriverCallExecutor(2)) {
            var processes = processes(executor, claims);
            recovery(processes).resume();
            Thread.sleep(1500);
            assertThat(driver.calls()).as("the other replica still calls the driver").isEmpty();
            assertThat(resumptions).as("nothing was interrupted").isEmpty();

            heldElsewhere.set(false);   // that replica died with the stop still pending
            var deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (driver.calls().isEmpty() && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
        }
        assertThat(driver.calls()).containsExactly("stop web-1");
        assertThat(resumptions).as("resumed once taken over").hasSize(1);
    }

    @Test
    void anOperationAnotherReplicaFinishes_isNotRunHere() throws Exception {
        var operation = new PendingOperation(MACHINE, MachineOperation.STOP, BEFORE_START, "corr-finished-there");
        pending.add(operation);
        var claims = new io.harbormaster.command.process.MachineWorkClaims() {
            @Override
            public boolean claim(io.harbormaster.api.machine.MachineId machine, String kind, String correlationId) {
                return false;
            }

            @Override
            public boolean claimedElsewhere(io.harbormaster.api.machine.MachineId machine, String kind,
                                            String correlationId) {
                return true;
            }

            @Override
            public void release(io.harbormaster.api.machine.MachineId machine, String kind, String correlationId) {
            }
        };
        try (var executor = new DriverCallExecutor(2)) {
            recovery(processes(executor, claims)).resume();
            Thread.sleep(300);
            pending.remove(operation);   // the other replica reported the outcome
            Thread.sleep(1500);
        }
        assertThat(driver.calls()).isEmpty();
        assertThat(resumptions).isEmpty();
    }

    @Test
    void theRecoveryListensForClaimsOfTheMachineProcesses() throws NoSuchMethodException {
        var listener = PendingOperationsRecovery.class.getDeclaredMethod("onClaimed", MachineProcessesClaimed.class)
                .getAnnotation(EventListener.class);
        assertThat(listener.value()).containsExactly(io.harbormaster.command.process.MachineProcessesClaimed.class);
    }

    /** Runs {@code action} against a recovery that started at {@link #STARTED_AT} and waits for its driver calls. */
    private void recover(Consumer<PendingOperationsRecovery> action) {
        try (var executor = new DriverCallExecutor(2)) {
            action.accept(recovery(processes(executor)));
        }
    }

    private MachineProcesses processes(DriverCallExecutor executor) {
        return processes(executor, io.harbormaster.command.process.MachineWorkClaims.thisProcessOnly());
    }

    private MachineProcesses processes(DriverCallExecutor executor,
                                       io.harbormaster.command.process.MachineWorkClaims claims) {
        currentExecutor = executor;
        return new MachineProcesses(new DriverRegistry(List.of(driver)), lookups,
                new io.harbormaster.command.process.MachineWork(executor, gateway, claims), (id, operation) -> true, tls,
                null, ProvisioningStepTimes.unrecorded()); // the fake driver does not provision
    }

    private DriverCallExecutor executorOf(MachineProcesses processes) {
        return currentExecutor;
    }

    private PendingOperationsRecovery recovery(MachineProcesses processes) {
        return new PendingOperationsRecovery(() -> List.copyOf(pending), processes, renewals(processes), gateway,
                STARTED_AT);
    }

    /** The certificate process over the same gateway, reading requests from {@link #events}. */
    private io.harbormaster.command.process.certificate.CertificateRenewals renewals(MachineProcesses processes) {
        return new io.harbormaster.command.process.certificate.CertificateRenewals(tls,
                new io.harbormaster.command.process.MachineWork(executorOf(processes), gateway),
                (id, operation) -> true, events);
    }

    private List<Object> payloads() {
        return reports.stream().<Object>map(CommandMessage::getPayload).toList();
    }

    /** A gateway with the production dispatch interceptor over a bus that records every report it is sent. */
    private CommandGateway reportingGateway() {
        var bus = SimpleCommandBus.builder().build();
        for (var report : List.of(CompleteCreationCommand.class, FailCreationCommand.class,
                CompleteLifecycleOperationCommand.class, FailLifecycleOperationCommand.class,
                CompleteRemovalCommand.class, FailRemovalCommand.class,
                io.harbormaster.command.machine.RecordCertsRenewalCommand.class)) {
            bus.subscribe(report.getName(), message -> {
                reports.add(message);
                return null;
            });
        }
        bus.subscribe(RecordResumptionCommand.class.getName(), message -> {
            resumptions.add(message);
            return null;
        });
        return DefaultCommandGateway.builder().commandBus(bus)
                .dispatchInterceptors(new ActingContextDispatchInterceptor()).build();
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
