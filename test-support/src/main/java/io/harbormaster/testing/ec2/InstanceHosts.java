package io.harbormaster.testing.ec2;

import io.harbormaster.testing.TestHosts;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * Brings the stand-in's instances' real test hosts up and down, one step at a time per instance, off the request
 * thread, and moves each instance's state on when its host got there: {@code pending → running} once sshd answers,
 * {@code stopping → stopped} and {@code shutting-down → terminated} once the host is down. A host that fails to come
 * up leaves its instance terminated with {@code Server.InternalError}, as a failed launch on EC2 does; what went wrong
 * is handed to {@code failures} for the test to read.
 */
final class InstanceHosts {

    private final StandInState state;
    private final Map<String, CompletableFuture<Void>> work = new ConcurrentHashMap<>();

    InstanceHosts(StandInState state) {
        this.state = state;
    }

    void launch(StandInInstance instance, Path keyFile, Consumer<String> failures) {
        then(instance, failures, () -> {
            var host = TestHosts.up(instance.hostName, instance.hostAddress(), keyFile, true);
            synchronized (instance) {
                instance.host(host);
                if (instance.state().equals("pending")) {
                    instance.state("running", null);
                }
            }
        });
    }

    /** The public address goes back to the pool: the instance gets another one when it starts again. */
    void stop(StandInInstance instance, Consumer<String> failures) {
        instance.state("stopping", "User initiated");
        then(instance, failures, () -> {
            instance.host().powerOff();
            synchronized (instance) {
                if (instance.launch.associatePublicIp()) {
                    state.pool.release(instance.publicIp());
                    instance.publicIp(null);
                }
                instance.state("stopped", "Client.UserInitiatedShutdown");
            }
        });
    }

    void start(StandInInstance instance, Consumer<String> failures) {
        String address = null;
        if (instance.launch.associatePublicIp()) {
            address = state.pool.take(instance.host() == null ? null : instance.host().ip());
            if (address == null) {
                throw new Ec2Error("InsufficientInstanceCapacity", "We currently do not have sufficient "
                        + instance.launch.instanceType() + " capacity in the Availability Zone you requested ("
                        + instance.launch.zone() + ").");
            }
            instance.publicIp(address);
        }
        instance.state("pending", null);
        var newAddress = instance.hostAddress();
        then(instance, failures, () -> {
            instance.host().powerOn(newAddress);
            synchronized (instance) {
                if (instance.state().equals("pending")) {
                    instance.state("running", null);
                }
            }
        });
    }

    /** The host reboots itself ({@code reboot} inside it); the instance stays running, as on EC2. */
    void reboot(StandInInstance instance) {
        then(instance, message -> { }, () -> instance.host().exec("reboot"));
    }

    void terminate(StandInInstance instance, Consumer<String> failures) {
        instance.state("shutting-down", "User initiated");
        then(instance, failures, () -> {
            var host = instance.host();
            if (host != null) {
                host.down();
            }
            finish(instance, "Client.UserInitiatedShutdown");
        });
    }

    /** Waits until every instance's host work is done (for the stand-in's close). */
    void awaitAll() {
        work.values().forEach(CompletableFuture::join);
    }

    private void finish(StandInInstance instance, String reason) {
        synchronized (instance) {
            state.pool.release(instance.publicIp());
            if (!instance.launch.associatePublicIp()) {
                state.pool.release(instance.privateIp);
            }
            instance.state("terminated", reason);
        }
    }

    private void then(StandInInstance instance, Consumer<String> failures, Runnable step) {
        work.compute(instance.id, (id, before) -> (before == null ? CompletableFuture.<Void>completedFuture(null)
                : before).thenRunAsync(() -> {
                    try {
                        step.run();
                    } catch (RuntimeException e) {
                        failures.accept(instance.id + ": " + e.getMessage());
                        var host = instance.host();
                        try {
                            if (host != null) {
                                host.down();
                            }
                        } catch (RuntimeException ignored) {
                            // the failure above is what the test reads
                        }
                        finish(instance, "Server.InternalError");
                    }
                }, state.hostWork));
    }
}
