package io.harbormaster.cli.machine;

import java.time.Instant;
import java.util.Optional;
import java.util.Set;

/**
 * A machine command hm sends and then waits for: which request starts it, what docker-machine prints around it
 * ({@code libmachine/host/host.go}), which state would make it pointless, and which history entries end it.
 *
 * <p><b>Which entries count.</b> The stream is read from the machine's first entry (see {@link MachineEvents}), so
 * older outcomes are in it too: a {@code MachineStarted} from last week must not end today's start. An entry counts
 * when
 * <ul>
 *   <li>it carries this request's correlation id (the server records it on the request event, the driver's outcome
 *       and the provisioning steps), or</li>
 *   <li>it happened after the machine's {@code updatedAt} as hm read it just before sending the command. That covers
 *       the one case without an entry of this request: the same operation already under way (a second
 *       {@code hm stop} while the machine is Stopping), which the server accepts without recording anything, and
 *       whose outcome is the answer.</li>
 * </ul>
 * Both times are the server's, so the workstation's clock plays no part.
 */
enum Operation {

    START("start", "Starting", "Machine %s was started.", "Running",
            Set.of("MachineStarted", "MachineRestarted"), Set.of("LifecycleOperationFailed")),
    STOP("stop", "Stopping", "Machine %s was stopped.", "Stopped",
            Set.of("MachineStopped", "MachineKilled"), Set.of("LifecycleOperationFailed")),
    RESTART("restart", "Restarting", null, null,
            Set.of("MachineRestarted", "MachineStarted"), Set.of("LifecycleOperationFailed")),
    KILL("kill", "Killing", "Machine %s was killed.", "Stopped",
            Set.of("MachineKilled", "MachineStopped"), Set.of("LifecycleOperationFailed")),
    PROVISION("provision", null, null, null, Set.of("MachineProvisioned"), Set.of("ProvisioningFailed")),
    UPGRADE("upgrade", "Upgrading docker on", null, null, Set.of("EngineUpgraded"), Set.of("EngineUpgradeFailed")),
    REMOVE("rm", null, "Successfully removed %s", null, Set.of("MachineRemoved"), Set.of("RemovalFailed"));

    private final String verb;
    private final String progressive;
    private final String done;
    private final String target;
    private final Set<String> successes;
    private final Set<String> failures;

    Operation(String verb, String progressive, String done, String target, Set<String> successes,
              Set<String> failures) {
        this.verb = verb;
        this.progressive = progressive;
        this.done = done;
        this.target = target;
        this.successes = successes;
        this.failures = failures;
    }

    String verb() {
        return verb;
    }

    /** docker-machine's line before the work, {@code Starting "web-1"...}; empty for verbs that print none. */
    Optional<String> announcement(String name) {
        return Optional.ofNullable(progressive).map(word -> word + " " + quoted(name) + "...");
    }

    /** docker-machine's line once it is done, {@code Machine "web-1" was started.}; empty for verbs that print none. */
    Optional<String> completion(String name) {
        return Optional.ofNullable(done).map(line -> line.formatted(this == REMOVE ? name : quoted(name)));
    }

    /**
     * docker-machine's refusal when the machine is in that state already ({@code Machine "web-1" is already
     * running.}, exit 1), checked before sending anything; empty when the state does not make the command pointless.
     */
    Optional<String> alreadyDone(String name, String state) {
        if (target == null || !target.equals(state)) {
            return Optional.empty();
        }
        return Optional.of("Machine " + quoted(name) + " is already " + state.toLowerCase(java.util.Locale.ROOT) + ".");
    }

    /** The outcome {@code entry} brings, if it counts for the request with {@code correlationId} (see above). */
    Optional<Outcome> outcome(MachineEvents.Entry entry, String correlationId, Instant since) {
        if (!counts(entry, correlationId, since)) {
            return Optional.empty();
        }
        if (entry.is(successes.toArray(String[]::new))) {
            return Optional.of(new Outcome(true, entry));
        }
        if (entry.is(failures.toArray(String[]::new)) || (this != REMOVE && entry.is("MachineRemoved"))) {
            return Optional.of(new Outcome(false, entry));
        }
        return Optional.empty();
    }

    static boolean counts(MachineEvents.Entry entry, String correlationId, Instant since) {
        if (correlationId != null && correlationId.equals(entry.correlationId())) {
            return true;
        }
        return since != null && entry.occurredAt() != null && entry.occurredAt().isAfter(since);
    }

    /** How it ended: a success or a failure, and the entry that says so. */
    record Outcome(boolean success, MachineEvents.Entry entry) {

        /** The failure's reason in one line: the entry's summary, or what happened when it has none. */
        String reason() {
            var summary = entry.summary().isBlank() ? entry.action() : entry.summary();
            if (entry.is("MachineRemoved")) {
                return "the machine was removed meanwhile";
            }
            return summary.replace("\r", "").replace('\n', ' ');
        }
    }

    /** Go's {@code %q} of a machine name, which never needs escapes (names are {@code [a-zA-Z0-9.-]}). */
    static String quoted(String name) {
        return "\"" + name + "\"";
    }
}
