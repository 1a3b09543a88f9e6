package io.harbormaster.command.process.provisioning;

import io.harbormaster.api.machine.MachineCertificates;
import io.harbormaster.command.lookup.MachineRecord;
import io.harbormaster.command.process.MachineHosts;
import io.harbormaster.command.process.ProcessReporter;
import io.harbormaster.command.provision.Provisioner;
import io.harbormaster.command.ssh.MachineSshUserCas;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import io.harbormaster.driver.DriverException;
import io.harbormaster.driver.HostAccessRefusedException;
import io.harbormaster.driver.HostShell;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Runs the provisioner for a machine whose driver provisions: opens an SSH session to the host ({@link MachineHosts}
 * pins its key on first contact, which the machine records), has its sshd trust the machine's SSH user CA (made on the
 * first provisioning), and turns the provisioner's progress into the machine's events.
 */
@Component
public class MachineProvisioning {

    /** Tells one boot of a host from the next: the kernel's boot id, and PID 1's start (for hosts in namespaces). */
    private static final String BOOT = "cat /proc/sys/kernel/random/boot_id && cut -d' ' -f22 /proc/1/stat";
    private static final Duration BOOT_TIMEOUT = Duration.ofSeconds(30);

    private final Provisioner provisioner;
    private final MachineHosts hosts;
    private final MachineSshUserCas userCas;
    private final MeterRegistry meters;
    private final ProvisioningStepTimes times;
    private final Duration comingBack = Duration.ofMinutes(10);
    private final Duration poll = Duration.ofMillis(500);

    MachineProvisioning(Provisioner provisioner, MachineHosts hosts, MachineSshUserCas userCas,
                        ObjectProvider<MeterRegistry> meters, ProvisioningStepTimes times) {
        this.provisioner = provisioner;
        this.hosts = hosts;
        this.userCas = userCas;
        this.meters = meters.getIfAvailable(CompositeMeterRegistry::new);
        this.times = times;
    }

    /** The boot the host runs now (kernel boot id and PID 1's start time), or empty when it does not answer. */
    public Optional<String> currentBoot(MachineRecord machine) {
        try {
            return hosts.withShell(machine, "checked", (target, shell) -> boot(shell));
        } catch (DriverException e) {
            return Optional.empty();
        }
    }

    /**
     * After a restart or start: waits until the host runs a boot other than {@code before} and its Docker Engine
     * answers there. Some clouds (EC2 among them) reboot a while after accepting the request, so the boot from before
     * may still answer at first; a host that refuses or breaks SSH sessions for a moment is rebooting. Asks the driver
     * where the host is at every try, as it may have moved.
     */
    public void awaitEngineAfterReboot(MachineRecord machine, Optional<String> before) {
        var deadline = System.nanoTime() + comingBack.toNanos();
        DriverException last = null;
        do {
            try {
                var back = hosts.withShell(machine, "checked", (target, shell) -> {
                    if (before.isPresent() && before.equals(boot(shell))) {
                        return false;
                    }
                    provisioner.awaitEngine(target, shell);
                    return true;
                });
                if (back) {
                    return;
                }
            } catch (HostAccessRefusedException e) {
                throw e; // answering, but refusing us: waiting changes nothing
            } catch (DriverException e) {
                last = e;
            }
            pause();
        } while (System.nanoTime() < deadline);
        throw new DriverException("The host did not answer over SSH with a new boot within "
                + comingBack.toMinutes() + " minutes" + (last == null ? " (it still ran the boot from before the "
                + "restart)." : ": " + last.getMessage()) + " Check it where it runs; once it answers, restart or "
                + "provision the machine again.");
    }

    private static Optional<String> boot(HostShell shell) {
        var result = shell.run(BOOT, BOOT_TIMEOUT);
        return result.ok() && !result.stdout().isBlank() ? Optional.of(result.stdout().strip()) : Optional.empty();
    }

    private void pause() {
        try {
            Thread.sleep(poll);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DriverException("Harbormaster was shutting down while it waited for the host to come back. "
                    + "If the machine is not Running once the platform is up again, restart it again.");
        }
    }

    /**
     * Installs and configures Docker Engine for {@code dockerUrl}; each step and a newly pinned key is reported. The
     * machine's certificates are asked for only when they are pushed, so they may still be minted meanwhile.
     * Answers the Docker Engine version the last step verified over TLS.
     */
    public String provision(MachineRecord machine, String dockerUrl, Supplier<MachineCertificates> certificates,
                            ProcessReporter reporter) {
        long started = System.nanoTime();
        var outcome = "failure";
        try {
            var version = provisionOver(machine, dockerUrl, certificates, reporter);
            outcome = "success";
            return version;
        } finally {
            Timer.builder("harbormaster.provisioning")
                    .description("Docker Engine installations on hosts, from the SSH session to the last step")
                    .tag("outcome", outcome)
                    .register(meters)
                    .record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
        }
    }

    private String provisionOver(MachineRecord machine, String dockerUrl, Supplier<MachineCertificates> certificates,
                                 ProcessReporter reporter) {
        var id = machine.machineId();
        var userCa = userCas.loadOrGenerate(id);
        var connecting = System.nanoTime();
        return hosts.withShell(machine, "provisioned", (target, shell) -> {
            times.recordSince(ProvisioningStepTimes.SSH_CONNECT, connecting);
            try (var progress = new ReportedProgress(id, userCa.fingerprint(), reporter, times)) {
                return provisioner.provision(machine.name().value(), target, dockerUrl,
                        URI.create(dockerUrl).getPort(), certificates, machine.engineOptions(), userCa.publicKey(),
                        shell, progress);
            }
        });
    }
}
