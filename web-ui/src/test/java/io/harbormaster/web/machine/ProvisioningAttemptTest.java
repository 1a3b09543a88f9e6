package io.harbormaster.web.machine;

import static org.assertj.core.api.Assertions.assertThat;

import io.harbormaster.api.audit.AuditEntry;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProvisioningAttemptTest {

    private static final Instant T0 = Instant.parse("2026-12-06T10:00:00Z");
    private int seconds;

    private AuditEntry entry(String action, String summary) {
        var at = T0.plusSeconds(seconds++);
        return new AuditEntry("e" + seconds, at, Machines.TEAM, null, "web-1", action, summary, "u", "alice", "ui",
                "10.0.0.1", "c");
    }

    /** Newest first, as the page reads a machine's history. */
    private static List<AuditEntry> newestFirst(AuditEntry... oldestFirst) {
        var list = new ArrayList<>(List.of(oldestFirst));
        java.util.Collections.reverse(list);
        return list;
    }

    @Test
    void aRunningAttempt_hasItsOsAndFinishedSteps_andNoEnd() {
        var history = newestFirst(
                entry("MachineCreated", "created with driver generic, held by alice"),
                entry("ProvisioningStarted", "provisioning started on Debian GNU/Linux 12 (bookworm)"),
                entry("ProvisioningStepCompleted", "provisioning step 1/6 done: detect-os"),
                entry("ProvisioningStepCompleted", "provisioning step 2/6 done: install-docker"));

        var attempt = ProvisioningAttempt.latest(history).orElseThrow();

        assertThat(attempt.outcome()).isEqualTo(ProvisioningAttempt.Outcome.RUNNING);
        assertThat(attempt.os()).isEqualTo("Debian GNU/Linux 12 (bookworm)");
        assertThat(attempt.doneSteps()).containsExactly("detect-os", "install-docker");
        assertThat(attempt.totalSteps()).isEqualTo(6);
        assertThat(attempt.summary()).isEqualTo("provisioning on Debian GNU/Linux 12 (bookworm): running, 2/6 steps done");
    }

    @Test
    void aFailedAttempt_namesTheStepAndTheReason_andTheNextAttemptIsTheLatest() {
        var failedHistory = newestFirst(
                entry("ProvisioningStarted", "provisioning started on Debian"),
                entry("ProvisioningStepCompleted", "provisioning step 1/6 done: detect-os"),
                entry("ProvisioningFailed", "provisioning failed at install-docker: apt-get: no network: try again"));

        var failed = ProvisioningAttempt.latest(failedHistory).orElseThrow();
        assertThat(failed.outcome()).isEqualTo(ProvisioningAttempt.Outcome.FAILED);
        assertThat(failed.failedStep()).isEqualTo("install-docker");
        assertThat(failed.reason()).isEqualTo("apt-get: no network: try again");

        var retried = new ArrayList<>(failedHistory.reversed());
        retried.add(entry("ProvisioningStarted", "provisioning started on Debian"));
        retried.add(entry("ProvisioningStepCompleted", "provisioning step 1/6 done: detect-os"));
        retried.add(entry("MachineProvisioned", "provisioned; Docker Engine at tcp://10.0.0.5:2376"));
        var attempts = ProvisioningAttempt.in(retried.reversed());

        assertThat(attempts).extracting(ProvisioningAttempt::outcome).containsExactly(
                ProvisioningAttempt.Outcome.FAILED, ProvisioningAttempt.Outcome.SUCCEEDED);
        assertThat(attempts.getLast().took()).hasValue(java.time.Duration.ofSeconds(2));
        assertThat(attempts.getLast().summary()).isEqualTo("provisioning on Debian: succeeded, 1/6 steps in 2.0 s");
    }

    @Test
    void theTimeline_groupsEachAttemptUnderOneLineAtItsStart_oldestFirst_andOpensOnlyTheOnesNotSucceeded() {
        var created = entry("MachineCreated", "created");
        var started = entry("ProvisioningStarted", "provisioning started on Debian");
        var pinned = entry("SshHostKeyPinned", "SSH host key pinned");
        var step = entry("ProvisioningStepCompleted", "provisioning step 1/2 done: detect-os");
        var failed = entry("ProvisioningFailed", "provisioning failed at verify: no answer");
        var handedOff = entry("MachineHandedOff", "handed off");
        var restarted = entry("ProvisioningStarted", "provisioning started on Debian");
        var done = entry("MachineProvisioned", "provisioned");

        var timeline = MachineTimeline.of(newestFirst(created, started, pinned, step, failed, handedOff, restarted, done));

        var roots = timeline.tree().getRootItems();
        assertThat(roots).extracting(AuditEntry::summary).containsExactly(
                "provisioning on Debian: succeeded, 0 steps in 1.0 s", "handed off",
                "provisioning on Debian: failed at verify, 1/2 steps done", "created");
        assertThat(timeline.tree().getChildren(roots.get(2))).as("what the provisioner recorded while it ran is in it")
                .containsExactly(started, pinned, step, failed);
        assertThat(timeline.tree().getChildren(roots.get(0))).containsExactly(restarted, done);
        assertThat(timeline.expanded()).containsExactly(roots.get(2));
    }
}
