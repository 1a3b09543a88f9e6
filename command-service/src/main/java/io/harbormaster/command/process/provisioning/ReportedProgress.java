package io.harbormaster.command.process.provisioning;

import io.harbormaster.api.machine.MachineId;
import io.harbormaster.command.machine.ReportProvisioningCommand;
import io.harbormaster.command.machine.ReportSshUserCaCommand;
import io.harbormaster.command.process.ProcessReporter;
import io.harbormaster.command.provision.ProvisioningProgress;

/**
 * The provisioner's progress as the machine's events, each step's time on the host recorded apart from the time its
 * report took: a step's time runs from the end of the previous report (or from the open session) to its completion,
 * so what the host costs and what the event store costs are told apart.
 */
final class ReportedProgress implements ProvisioningProgress {

    private final MachineId id;
    private final String userCaFingerprint;
    private final ProcessReporter reporter;
    private final ProvisioningStepTimes times;
    private long stepStarted = System.nanoTime();

    ReportedProgress(MachineId id, String userCaFingerprint, ProcessReporter reporter, ProvisioningStepTimes times) {
        this.id = id;
        this.userCaFingerprint = userCaFingerprint;
        this.reporter = reporter;
        this.times = times;
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

    /** Sends the report; its time counts as reporting, not as the step it falls in. */
    private void report(Object command) {
        var sending = System.nanoTime();
        reporter.report(command);
        var took = System.nanoTime() - sending;
        times.record(ProvisioningStepTimes.REPORTS, took);
        stepStarted += took;
    }
}
