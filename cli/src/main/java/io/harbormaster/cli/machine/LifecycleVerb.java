package io.harbormaster.cli.machine;

import io.harbormaster.cli.HmCommand;
import io.harbormaster.cli.HmException;
import io.harbormaster.cli.server.HarbormasterClient;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * start, stop, restart, kill, provision and upgrade: docker-machine's verbs for one or more machines.
 *
 * <p>As in docker-machine, every named machine is looked up first and nothing is done when one is unknown; then the
 * machines are worked on at the same time. For each: docker-machine's line ({@code Starting "web-1"...}), the
 * command ({@code POST /api/machines/{id}/start}, 202), then hm waits on the machine's event stream until the
 * operation's outcome arrives ({@link Operation} says which entries count) and prints docker-machine's line for it
 * ({@code Machine "web-1" was started.}). A failure is one line on stderr, the refusal's detail or the failure
 * entry's summary; the exit code is 1 when any machine failed. {@code --no-wait} returns once the server accepted the
 * command; docker-machine has no such flag because it always does the work itself.
 */
abstract class LifecycleVerb implements Callable<Integer> {

    @ParentCommand
    private HmCommand hm;

    @Spec
    private CommandSpec spec;

    @Parameters(arity = "0..*", paramLabel = "NAME", description = "The machines (TEAM/NAME when a name is in two "
            + "of your teams); default: " + MachineResolver.DEFAULT_MACHINE)
    private List<String> names = new ArrayList<>();

    @Option(names = "--no-wait", description = "Return once Harbormaster accepted the command, without waiting for "
            + "the machine to get there (follow it with hm status NAME)")
    private boolean noWait;

    abstract Operation operation();

    /** A line printed after all machines succeeded, like docker-machine's hint after start. */
    Optional<String> afterAll() {
        return Optional.empty();
    }

    @Override
    public Integer call() {
        var client = hm.connect();
        var machines = MachineResolver.resolveAll(client, names);
        var out = spec.commandLine().getOut();
        var err = spec.commandLine().getErr();
        boolean allDone = true;
        if (machines.size() == 1) {
            allDone = run(client, machines.getFirst(), out, err);
        } else {
            var executor = Executors.newVirtualThreadPerTaskExecutor();
            try {
                var futures = new ArrayList<Future<Boolean>>();
                for (var machine : machines) {
                    futures.add(executor.submit(() -> run(client, machine, out, err)));
                }
                for (var future : futures) {
                    allDone &= future.get();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new HmException("Interrupted", 130);
            } catch (ExecutionException e) {
                throw e.getCause() instanceof RuntimeException runtime ? runtime
                        : new IllegalStateException(e.getCause());
            } finally {
                executor.shutdownNow();
            }
        }
        if (allDone && !noWait) {
            afterAll().ifPresent(out::println);
        }
        out.flush();
        err.flush();
        return allDone ? 0 : 1;
    }

    private boolean run(HarbormasterClient client, MachineView machine, PrintWriter out, PrintWriter err) {
        var operation = operation();
        try {
            operation.announcement(machine.name()).ifPresent(line -> println(out, line));
            var already = operation.alreadyDone(machine.name(), machine.state());
            if (already.isPresent()) {
                println(err, already.get());
                return false;
            }
            Instant since = machine.updatedAt();
            var accepted = MachineCommands.send(client, "POST", "/api/machines/"
                    + HarbormasterClient.segment(machine.id()) + "/" + operation.verb(), java.util.Map.of(), null);
            if (noWait) {
                println(out, "The " + operation.verb() + " of " + Operation.quoted(machine.name())
                        + " was accepted; not waiting for it (hm status " + machine.name() + " shows how it goes).");
                return true;
            }
            boolean decorate = hm.workstation().decorate();
            var outcome = MachineEvents.follow(client, machine.id(),
                    "the " + operation.verb() + " of " + Operation.quoted(machine.name()) + " finished", entry -> {
                        if (Operation.counts(entry, accepted.correlationId(), since)) {
                            ProvisioningProgress.line(entry, decorate).ifPresent(line -> println(out, line));
                        }
                        return operation.outcome(entry, accepted.correlationId(), since);
                    });
            if (!outcome.success()) {
                println(err, "Machine " + Operation.quoted(machine.name()) + ": " + outcome.reason());
                return false;
            }
            operation.completion(machine.name())
                    .or(() -> operation == Operation.UPGRADE ? Optional.of(outcome.entry().summary())
                            : Optional.empty())
                    .ifPresent(line -> println(out, line));
            return true;
        } catch (HmException failure) {
            println(err, failure.getMessage());
            return false;
        }
    }

    static void println(PrintWriter writer, String line) {
        synchronized (writer) {
            writer.println(line);
            writer.flush();
        }
    }
}
