package io.harbormaster.driver.generic;

import io.harbormaster.api.machine.MachineId;
import io.harbormaster.driver.DriverContext;
import io.harbormaster.driver.DriverException;
import io.harbormaster.driver.HostAccessRefusedException;
import io.harbormaster.driver.HostShell;
import io.harbormaster.driver.SshTarget;
import java.time.Duration;
import java.util.function.Supplier;

/**
 * Reboots a host over SSH and returns once it runs a new boot. The reboot command is detached (the session dies with
 * the host), so its success is only seen from outside: the host must stop running the boot it ran before within
 * {@code goingDown}, and answer over SSH with a new one within {@code comingBack}. A boot is told apart by the
 * kernel's boot id and the start time of PID 1 (the latter changes when only a container or namespace restarts).
 */
final class HostReboot {

    static final Duration GOING_DOWN = Duration.ofSeconds(90);
    static final Duration COMING_BACK = Duration.ofMinutes(10);
    private static final Duration POLL = Duration.ofSeconds(1);
    private static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(30);
    private static final String BOOT = "cat /proc/sys/kernel/random/boot_id && cut -d' ' -f22 /proc/1/stat";

    private final DriverContext context;
    private final Duration goingDown;
    private final Duration comingBack;
    private final Duration poll;

    HostReboot(DriverContext context, Duration goingDown, Duration comingBack, Duration poll) {
        this.context = context;
        this.goingDown = goingDown;
        this.comingBack = comingBack;
        this.poll = poll;
    }

    HostReboot(DriverContext context) {
        this(context, GOING_DOWN, COMING_BACK, POLL);
    }

    /** Reboots the host at {@code where} now; asks again while waiting, as a host named by DNS may move. */
    void reboot(MachineId machine, Supplier<SshTarget> where) {
        var target = where.get();
        String before;
        try (var shell = context.openShell(machine, target)) {
            before = boot(shell, target);
            var root = "root".equals(target.user());
            if (!root && !shell.run("sudo -n true", COMMAND_TIMEOUT).ok()) {
                throw new DriverException("User '" + target.user() + "' may not run sudo without a password on "
                        + target.address() + ", so Harbormaster cannot reboot the host. Allow it password-less sudo, "
                        + "or restart the host where it runs.");
            }
            if (!shell.run("command -v reboot", COMMAND_TIMEOUT).ok()) {
                throw new DriverException("The host at " + target.address() + " has no reboot command on the PATH "
                        + "of user '" + target.user() + "'. Restart it where it runs.");
            }
            var sudo = root ? "" : "sudo -n ";
            // detached and a second late, so this session closes cleanly before the host goes down
            shell.run("nohup sh -c 'sleep 1; " + sudo + "reboot' >/dev/null 2>&1 </dev/null &", COMMAND_TIMEOUT);
        }
        awaitNewBoot(machine, where, before);
    }

    private void awaitNewBoot(MachineId machine, Supplier<SshTarget> where, String before) {
        var started = System.nanoTime();
        var wentDown = false;
        var target = where.get();
        while (true) {
            pause();
            try {
                target = where.get();
            } catch (DriverException e) {
                wentDown = true; // a name that does not resolve for a moment: still rebooting, maybe moving
            }
            try (var shell = context.openShell(machine, target)) {
                if (!boot(shell, target).equals(before)) {
                    return;
                }
            } catch (HostAccessRefusedException e) {
                throw new DriverException("The host at " + target.address() + " answers again after the reboot, but "
                        + "refused the session: " + e.getMessage());
            } catch (DriverException e) {
                wentDown = true; // not answering is what a rebooting host does
            }
            var waited = Duration.ofNanos(System.nanoTime() - started);
            if (!wentDown && waited.compareTo(goingDown) > 0) {
                throw new DriverException("The host at " + target.address() + " accepted the reboot command but was "
                        + "still running the same boot " + waited.toSeconds() + " s later. Check on the host that '"
                        + target.user() + "' may reboot it (its system log tells why not), then restart again.");
            }
            if (waited.compareTo(comingBack) > 0) {
                throw new DriverException("The host at " + target.address() + " went down for the reboot but has "
                        + "not answered over SSH with a new boot for " + waited.toSeconds() + " s. Check it where it "
                        + "runs; once it answers, restart or provision the machine again.");
            }
        }
    }

    private static String boot(HostShell shell, SshTarget target) {
        var result = shell.run(BOOT, COMMAND_TIMEOUT);
        if (!result.ok() || result.stdout().isBlank()) {
            throw new DriverException("Cannot tell the boot of the host at " + target.address() + " from "
                    + "/proc (exit " + result.exitStatus() + "): " + result.failureText());
        }
        return result.stdout().strip();
    }

    private void pause() {
        try {
            Thread.sleep(poll);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            // said only when the platform still records it: otherwise the pending restart is resumed at start-up
            throw new DriverException("Harbormaster was shutting down while it waited for the host to come back from "
                    + "its reboot. If the machine is not Running once the platform is up again, restart it again.");
        }
    }
}
