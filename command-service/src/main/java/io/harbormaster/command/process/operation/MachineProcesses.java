package io.harbormaster.command.process.operation;

import static io.harbormaster.api.audit.AuditMetadata.CORRELATION_ID;

import io.harbormaster.api.audit.CurrentActingContext;
import io.harbormaster.command.machine.CompleteCreationCommand;
import io.harbormaster.command.machine.CompleteLifecycleOperationCommand;
import io.harbormaster.command.machine.CompleteRemovalCommand;
import io.harbormaster.command.machine.FailCreationCommand;
import io.harbormaster.command.machine.FailLifecycleOperationCommand;
import io.harbormaster.command.machine.FailRemovalCommand;
import io.harbormaster.command.machine.ObserveAddressCommand;
import io.harbormaster.api.machine.MachineCreated;
import io.harbormaster.api.machine.MachineId;
import io.harbormaster.api.machine.MachineKillRequested;
import io.harbormaster.api.machine.MachineProvisionRequested;
import io.harbormaster.api.machine.MachineRemovalRequested;
import io.harbormaster.api.machine.MachineRestartRequested;
import io.harbormaster.api.machine.MachineStartRequested;
import io.harbormaster.api.machine.MachineStopRequested;
import io.harbormaster.command.cert.MachineTls;
import io.harbormaster.driver.CreateResult;
import io.harbormaster.driver.DriverException;
import io.harbormaster.command.driver.DriverRegistry;
import io.harbormaster.driver.MachineDriver;
import io.harbormaster.driver.MachineSpec;
import io.harbormaster.command.lookup.MachineRecord;
import io.harbormaster.command.lookup.MachineRecords;
import io.harbormaster.command.process.MachineOperation;
import io.harbormaster.command.process.MachineWork;
import io.harbormaster.command.process.PendingOperationCheck;
import io.harbormaster.command.process.provisioning.CertificatesInMinting;
import io.harbormaster.command.process.provisioning.MachineProvisioning;
import io.harbormaster.command.process.provisioning.ProvisioningStepTimes;
import io.harbormaster.command.provision.ProvisioningException;
import java.net.URI;
import io.harbormaster.command.secret.WaitingSecretStore;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.BiFunction;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The machine's driver operations: when a creation, lifecycle operation or removal was accepted, call the driver
 * through {@link MachineWork} and report the outcome back to the machine as a Complete or Fail command. A
 * created host also gets its first CA and server certificate, stored before the creation is reported.
 * Calls start only after the event's unit of work committed, so a rolled-back token update never runs a driver
 * twice; replays run nothing ({@link DisallowReplay}): the outcomes are already in the event store. Operations cut
 * off by a restart are resumed through {@link #run} too, by the recovery process.
 *
 * <p>The processor starts at the plain tail of the event stream the first time it runs
 * ({@code MachineProcessesConfiguration}), so no request appended while it was starting is missed; before calling a
 * driver it checks that the operation is still pending on the write side, so events whose outcome is already
 * recorded never reach a driver again.
 */
@Component
@ProcessingGroup(MachineWork.PROCESSING_GROUP)
@DisallowReplay
public class MachineProcesses {

    private static final Logger log = LoggerFactory.getLogger(MachineProcesses.class);

    private final DriverRegistry drivers;
    private final MachineRecords records;
    private final MachineWork work;
    private final PendingOperationCheck pending;
    private final MachineTls tls;
    private final MachineProvisioning provisioning;
    private final ProvisioningStepTimes times;
    private final Duration secretStorePatience;

    public MachineProcesses(DriverRegistry drivers, MachineRecords records, MachineWork work, PendingOperationCheck pending,
                     MachineTls tls, MachineProvisioning provisioning, ProvisioningStepTimes times) {
        this(drivers, records, work, pending, tls, provisioning, times, Duration.ofMinutes(10));
    }

    /**
     * {@code secretStorePatience}: how long an operation waits for a secret store that is away or sealed before the
     * machine shows the failure. Nobody waits on an operation (its request answered 202), so a Vault outage of a few
     * minutes only delays it.
     */
    @Autowired
    public MachineProcesses(DriverRegistry drivers, MachineRecords records, MachineWork work,
                            PendingOperationCheck pending, MachineTls tls, MachineProvisioning provisioning,
                            ProvisioningStepTimes times,
                            @Value("${harbormaster.secrets.background-patience:10m}") Duration secretStorePatience) {
        this.secretStorePatience = secretStorePatience;
        this.times = times;
        this.tls = tls;
        this.provisioning = provisioning;
        this.pending = pending;
        this.drivers = drivers;
        this.records = records;
        this.work = work;
    }

    // One handler per request type rather than one for every event: the tracking processor then skips the other
    // events without a unit of work (and a token write) each, which the lifecycle benchmark measures.
    @EventHandler
    void on(MachineCreated event, @MetaDataValue(CORRELATION_ID) String correlationId, @Timestamp Instant stored) {
        run(event.machineId(), MachineOperation.CREATE, correlationId, stored);
    }

    /** Provisioning again runs the creation's steps on the existing host, with fresh TLS material. */
    @EventHandler
    void on(MachineProvisionRequested event, @MetaDataValue(CORRELATION_ID) String correlationId) {
        run(event.machineId(), MachineOperation.CREATE, correlationId);
    }

    @EventHandler
    void on(MachineStartRequested event, @MetaDataValue(CORRELATION_ID) String correlationId) {
        run(event.machineId(), MachineOperation.START, correlationId);
    }

    @EventHandler
    void on(MachineStopRequested event, @MetaDataValue(CORRELATION_ID) String correlationId) {
        run(event.machineId(), MachineOperation.STOP, correlationId);
    }

    @EventHandler
    void on(MachineRestartRequested event, @MetaDataValue(CORRELATION_ID) String correlationId) {
        run(event.machineId(), MachineOperation.RESTART, correlationId);
    }

    @EventHandler
    void on(MachineKillRequested event, @MetaDataValue(CORRELATION_ID) String correlationId) {
        run(event.machineId(), MachineOperation.KILL, correlationId);
    }

    @EventHandler
    void on(MachineRemovalRequested event, @MetaDataValue(CORRELATION_ID) String correlationId) {
        run(event.machineId(), MachineOperation.REMOVE, correlationId);
    }

    /**
     * Runs {@code operation} for the machine on the driver executor, as the system under {@code correlationId}, and
     * reports its outcome; inside a unit of work it starts only once that committed. The one path for requested and
     * resumed operations alike.
     */
    /** Whether this node is carrying out that operation (or a certificate renewal) right now. */
    public boolean running(MachineId id, MachineOperation operation, String correlationId) {
        return work.inFlight(id, operation.name(), correlationId);
    }

    /**
     * Whether another replica is carrying out that operation (or renewal) right now: it had the machine's segment
     * and let it go, or is about to be found dead.
     */
    public boolean runningElsewhere(MachineId id, MachineOperation operation, String correlationId) {
        return work.claimedElsewhere(id, operation.name(), correlationId);
    }

    public void run(MachineId id, MachineOperation operation, String correlationId) {
        run(id, operation, correlationId, null);
    }

    /** The same; {@code requested} (null for none) is when the request was stored, to time how long it waited. */
    private void run(MachineId id, MachineOperation operation, String correlationId, Instant requested) {
        work.afterCommit(id, operation.name(), correlationId, () -> pending.isPending(id, operation),
                failure(operation), () -> {
                    if (requested != null) {
                        times.record(ProvisioningStepTimes.PICKUP, Duration.between(requested, Instant.now()));
                    }
                    return WaitingSecretStore.waitingUpTo(secretStorePatience, () -> call(operation, machine(id)));
                });
    }

    /** Calls the driver and answers the command that reports success (or, for a refused creation, failure). */
    private Object call(MachineOperation operation, MachineRecord machine) {
        var id = machine.machineId();
        var driver = drivers.get(machine.driver());
        return switch (operation) {
            case CREATE -> switch (driver.create(new MachineSpec(id, machine.teamId(), machine.name(),
                    machine.options()))) {
                case CreateResult.Created created -> completeCreation(machine, driver, created.dockerUrl());
                case CreateResult.Failed failed -> new FailCreationCommand(id, failed.reason());
            };
            case START -> lifecycle(() -> {
                driver.start(machine.toRef());
                if (provisioned(machine, driver)) {
                    followAddress(machine, driver);
                    // like a restart: a started machine is Running once its daemon is back
                    provisioning.awaitEngineAfterReboot(machine, Optional.empty());
                }
            }, id, operation);
            case STOP -> lifecycle(() -> driver.stop(machine.toRef()), id, operation);
            case RESTART -> lifecycle(() -> {
                var before = provisioned(machine, driver) ? provisioning.currentBoot(machine) : Optional.<String>empty();
                driver.restart(machine.toRef());
                if (provisioned(machine, driver)) {
                    // a stopped cloud host is started by a restart, perhaps at a new address
                    followAddress(machine, driver);
                    // like docker-machine: a restarted machine is Running once its daemon is back, on a new boot
                    provisioning.awaitEngineAfterReboot(machine, before);
                }
            }, id, operation);
            case KILL -> lifecycle(() -> driver.kill(machine.toRef()), id, operation);
            case REMOVE -> {
                driver.remove(machine.toRef());
                yield new CompleteRemovalCommand(id);
            }
            case RENEW_CERTS -> throw new IllegalArgumentException("renewals are the certificate process's");
        };
    }

    /**
     * The host exists: its first CA and server certificate name its address; a driver that provisions gets Docker
     * Engine installed and configured over SSH, each step reported to the machine. A failed step fails the creation
     * with its name and reason.
     */
    private Object completeCreation(MachineRecord machine, MachineDriver driver, String dockerUrl) {
        var id = machine.machineId();
        var certificates = CertificatesInMinting.start(() -> tls.regenerate(id, machine.name().value(), dockerUrl,
                null, true, null, machine.engineOptions().tlsSans()), times);
        String dockerVersion = null;
        if (driver.provisions()) {
            try {
                dockerVersion = provisioning.provision(machine, dockerUrl, certificates, work.reporter());
            } catch (ProvisioningException e) {
                certificates.settle();
                log.info("Provisioning machine {} failed at {}: {}", machine.name(), e.step(), e.getMessage());
                return new FailCreationCommand(id, e.step(), e.getMessage());
            } catch (DriverException e) {
                certificates.settle();
                log.info("Provisioning machine {} failed at ssh: {}", machine.name(), e.getMessage());
                return new FailCreationCommand(id, "ssh", e.getMessage());
            }
        }
        return new CompleteCreationCommand(id, dockerUrl, certificates.get(), dockerVersion);
    }

    private static boolean provisioned(MachineRecord machine, MachineDriver driver) {
        return driver.provisions() && machine.dockerUrl() != null;
    }

    /**
     * A cloud host started again may have a new public IP (EC2 without an Elastic IP): recorded at once, so its server
     * certificate is renewed for the new address and installed, instead of the machine being Running at an address it
     * left until the reconciler's next pass.
     */
    private void followAddress(MachineRecord machine, MachineDriver driver) {
        var addresses = driver.addresses(machine.toRef());
        var current = URI.create(machine.dockerUrl()).getHost();
        if (!addresses.isEmpty() && !addresses.contains(current)) {
            log.info("Machine {} came back at {} (was {})", machine.name(), addresses.getFirst(), current);
            work.reporter().report(new ObserveAddressCommand(machine.machineId(), addresses.getFirst()));
        }
    }

    private static Object lifecycle(Runnable driverCall, MachineId id, MachineOperation operation) {
        driverCall.run();
        return new CompleteLifecycleOperationCommand(id, operation.lifecycle());
    }

    private static BiFunction<MachineId, String, Object> failure(MachineOperation operation) {
        return switch (operation) {
            case CREATE -> FailCreationCommand::new;
            case REMOVE -> FailRemovalCommand::new;
            case START, STOP, RESTART, KILL ->
                    (id, reason) -> new FailLifecycleOperationCommand(id, operation.lifecycle(), reason);
            case RENEW_CERTS -> throw new IllegalArgumentException("renewals are the certificate process's");
        };
    }

    private MachineRecord machine(MachineId id) {
        return records.find(id).orElseThrow(() -> new DriverException(
                "Harbormaster has no driver settings for this machine; it may have been removed meanwhile."));
    }
}
