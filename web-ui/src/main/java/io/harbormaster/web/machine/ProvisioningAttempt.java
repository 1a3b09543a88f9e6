package io.harbormaster.web.machine;

import io.harbormaster.api.audit.AuditEntry;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One run of the provisioner on a machine, read back from its history: where it ran, which steps it finished, and how
 * it ended. The history's entries carry the audit trail's words, so the step names and the failure are taken from
 * them ({@code provisioning step 2/6 done: install-docker}, {@code provisioning failed at push-certs: why}).
 *
 * @param entries the attempt's own history entries, oldest first: its start, its steps, what it recorded between them
 *                (host key pinned, certificates made and installed) and its end
 */
record ProvisioningAttempt(Instant startedAt, String os, List<String> doneSteps, int totalSteps, Outcome outcome,
                           String failedStep, String reason, Instant endedAt, List<AuditEntry> entries) {

    enum Outcome { RUNNING, SUCCEEDED, FAILED }

    static final String STARTED = "ProvisioningStarted";
    static final String STEP = "ProvisioningStepCompleted";
    static final String SUCCEEDED = "MachineProvisioned";
    static final String FAILED = "ProvisioningFailed";

    private static final Pattern STEP_TEXT = Pattern.compile("provisioning step (\\d+)/(\\d+) done: (.+)");
    private static final Pattern FAILED_TEXT = Pattern.compile("provisioning failed at ([^:]+): (.*)",
            Pattern.DOTALL);
    private static final String STARTED_TEXT = "provisioning started on ";

    ProvisioningAttempt {
        doneSteps = List.copyOf(doneSteps);
        entries = List.copyOf(entries);
    }

    /** What the provisioner records besides its steps while it runs: they belong to the attempt they happen in. */
    private static final java.util.Set<String> DURING = java.util.Set.of("SshHostKeyPinned", "SshUserCaInstalled",
            "SshUserCaInstallFailed", "CertsRegenerated", "CertsInstalled", "CertsInstallFailed");

    /**
     * The attempts in {@code history} (newest first, as the machine page reads it), oldest first. A failure or success
     * with no start in the window (the start scrolled out of it, or provisioning failed before it began on the host)
     * is an attempt of its own.
     */
    static List<ProvisioningAttempt> in(List<AuditEntry> history) {
        var attempts = new ArrayList<ProvisioningAttempt>();
        Builder current = null;
        for (var entry : history.reversed()) {
            switch (entry.action() == null ? "" : entry.action()) {
                case STARTED -> {
                    if (current != null) {
                        attempts.add(current.build());
                    }
                    current = new Builder(entry);
                }
                case STEP -> {
                    if (current == null) {
                        current = new Builder(null);
                    }
                    current.step(entry);
                }
                case SUCCEEDED, FAILED -> {
                    if (current == null) {
                        current = new Builder(null);
                    }
                    current.end(entry);
                    attempts.add(current.build());
                    current = null;
                }
                default -> {
                    if (current != null && DURING.contains(entry.action())) {
                        current.entries.add(entry);
                    }
                }
            }
        }
        if (current != null) {
            attempts.add(current.build());
        }
        return attempts;
    }

    /** The latest attempt in {@code history}, if any is in it. */
    static Optional<ProvisioningAttempt> latest(List<AuditEntry> history) {
        var attempts = in(history);
        return attempts.isEmpty() ? Optional.empty() : Optional.of(attempts.getLast());
    }

    /** How long it ran, when it has a start and an end in the history. */
    Optional<Duration> took() {
        return startedAt == null || endedAt == null ? Optional.empty()
                : Optional.of(Duration.between(startedAt, endedAt));
    }

    /** One line for the timeline: what ran where and how it ended. */
    String summary() {
        var where = os == null ? "provisioning" : "provisioning on " + os;
        var steps = totalSteps > 0 ? doneSteps.size() + "/" + totalSteps + " steps" : doneSteps.size() + " steps";
        return switch (outcome) {
            case RUNNING -> where + ": running, " + steps + " done";
            case SUCCEEDED -> where + ": succeeded, " + steps
                    + took().map(d -> " in " + seconds(d)).orElse("");
            case FAILED -> where + ": failed at " + failedStep + ", " + steps + " done";
        };
    }

    static String seconds(Duration duration) {
        return String.format(java.util.Locale.ROOT, "%.1f s", duration.toMillis() / 1000.0);
    }

    private static final class Builder {
        private final AuditEntry start;
        private final List<AuditEntry> entries = new ArrayList<>();
        private final List<String> steps = new ArrayList<>();
        private int total;
        private Outcome outcome = Outcome.RUNNING;
        private String failedStep;
        private String reason;
        private Instant endedAt;

        Builder(AuditEntry start) {
            this.start = start;
            if (start != null) {
                entries.add(start);
            }
        }

        void step(AuditEntry entry) {
            entries.add(entry);
            var text = STEP_TEXT.matcher(entry.summary() == null ? "" : entry.summary());
            if (text.matches()) {
                total = Integer.parseInt(text.group(2));
                steps.add(text.group(3));
            } else {
                steps.add(entry.summary());
            }
        }

        void end(AuditEntry entry) {
            entries.add(entry);
            endedAt = entry.occurredAt();
            if (SUCCEEDED.equals(entry.action())) {
                outcome = Outcome.SUCCEEDED;
                return;
            }
            outcome = Outcome.FAILED;
            var text = FAILED_TEXT.matcher(entry.summary() == null ? "" : entry.summary());
            if (text.matches()) {
                failedStep = text.group(1);
                reason = text.group(2);
            } else {
                failedStep = "an unknown step";
                reason = entry.summary();
            }
        }

        ProvisioningAttempt build() {
            String os = null;
            if (start != null && start.summary() != null && start.summary().startsWith(STARTED_TEXT)) {
                os = start.summary().substring(STARTED_TEXT.length());
            }
            return new ProvisioningAttempt(start == null ? null : start.occurredAt(), os, steps, total, outcome,
                    failedStep, reason, endedAt, entries);
        }
    }
}
