package io.harbormaster.command.process.provisioning;

import io.harbormaster.api.audit.ActingContext;
import io.harbormaster.api.audit.CurrentActingContext;
import io.harbormaster.api.machine.MachineId;
import io.harbormaster.command.machine.ReportProvisioningCommand;
import io.harbormaster.command.machine.ReportSshUserCaCommand;
import io.harbormaster.command.process.ProcessReporter;
import io.harbormaster.command.provision.ProvisioningProgress;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * The provisioner's progress as the machine's events, sent one after another in the order they happened but without
 * holding up the host's work: each report costs an event round-trip (command, event store, answer), which the next
 * SSH command need not wait for. {@link #close()} waits until every report was sent, so the creation's outcome is
 * always recorded after its steps. Each step's time on the host is recorded from the end of the previous step (or
 * the open session) to its completion; the time spent waiting for reports at the end is recorded apart.
 */
final class ReportedProgress implements ProvisioningProgress, AutoCloseable {

    /** Longer than a report may take ({@link ProcessReporter} gives up on one after 30 s), times the reports. */
    private static final long DRAIN_SECONDS = 300;

    private final MachineId id;
    private final String userCaFingerprint;
    private final ProcessReporter reporter;
    private final ProvisioningStepTimes times;
    private final ActingContext actor;
    private final ExecutorService sender = Executors.newSingleThreadExecutor(Thread.ofVirtual()
            .name("provisioning-reports").factory());
    private long stepStarted = System.nanoTime();

    ReportedProgress(MachineId id, String userCaFingerprint, ProcessReporter reporter, ProvisioningStepTimes times) {
        this.id = id;
        this.userCaFingerprint = userCaFingerprint;
        this.reporter = reporter;
        this.times = times;
        // the reports go out as whoever runs the provisioning (the system, under the request's correlation id)
        this.actor = CurrentActingContext.orSystem();
    }

    @Override
    public void started(String os) {
        report(ReportProvisioningCommand.started(id, os));
    }

    @Override
    public void stepCompleted(String step, int number, int total) {
        times.recordSince(step, stepStarted);
        report(ReportProvisioningCommand.step(id, step, number, total));
        stepStarted = System.nanoTime();
    }

    @Override
    public void sshUserCaTrusted(String trustedKeysFile) {
        report(ReportSshUserCaCommand.trusted(id, userCaFingerprint, trustedKeysFile));
    }

    @Override
    public void sshUserCaRefused(String reason) {
        report(ReportSshUserCaCommand.failed(id, userCaFingerprint, reason));
    }

    private void report(Object command) {
        sender.execute(() -> CurrentActingContext.runAs(actor, () -> reporter.report(command)));
    }

    /** Waits until every report was sent (or refused, which the reporter logs). */
    @Override
    public void close() {
        var waiting = System.nanoTime();
        sender.shutdown();
        try {
            if (!sender.awaitTermination(DRAIN_SECONDS, TimeUnit.SECONDS)) {
                sender.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            times.recordSince(ProvisioningStepTimes.REPORTS, waiting);
        }
    }
}
