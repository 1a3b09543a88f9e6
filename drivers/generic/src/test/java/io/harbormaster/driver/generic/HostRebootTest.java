package io.harbormaster.driver.generic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.harbormaster.api.machine.MachineId;
import io.harbormaster.driver.DriverException;
import io.harbormaster.driver.HostAccessRefusedException;
import io.harbormaster.driver.HostShell;
import io.harbormaster.driver.SshTarget;
import io.harbormaster.testing.driver.StubDriverContext;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * How a reboot over SSH is judged from outside, with scripted hosts: each {@code open} of a session meets the next
 * scripted answer (a boot, or a failure to connect). The real reboot on a test host is in the standalone tests.
 */
class HostRebootTest {

    private static final SshTarget ROOT = new SshTarget("10.213.0.5", 22, "root");
    private static final SshTarget DEPLOY = new SshTarget("10.213.0.5", 22, "deploy");
    private static final String FIRST = "boot-1\n17";
    private static final String SECOND = "boot-2\n17";

    @Test
    void aHostThatGoesDownAndComesBackWithANewBoot_isRebooted() {
        var host = new ScriptedHost(FIRST, "down", "down", SECOND);

        reboot(host, ROOT);

        assertThat(host.commands).contains("nohup sh -c 'sleep 1; reboot' >/dev/null 2>&1 </dev/null &");
        assertThat(host.opened).isEqualTo(4);
    }

    @Test
    void aNewBootSeenWithoutTheHostEverSeemingDown_isRebootedToo() {
        reboot(new ScriptedHost(FIRST, SECOND), ROOT);
    }

    @Test
    void aUserOtherThanRootReboots_withPasswordLessSudo() {
        var host = new ScriptedHost(FIRST, SECOND);

        reboot(host, DEPLOY);

        assertThat(host.commands).contains("sudo -n true",
                "nohup sh -c 'sleep 1; sudo -n reboot' >/dev/null 2>&1 </dev/null &");
    }

    @Test
    void aUserWithoutPasswordLessSudo_isRefusedBeforeAnythingIsSent() {
        var host = new ScriptedHost(FIRST);
        host.sudo = false;

        assertThatThrownBy(() -> reboot(host, DEPLOY)).isInstanceOf(DriverException.class)
                .hasMessageContaining("User 'deploy' may not run sudo without a password on 10.213.0.5:22");
        assertThat(host.commands).noneMatch(command -> command.contains("reboot'"));
    }

    @Test
    void aHostThatKeepsRunningTheSameBoot_isReportedAsNotRebooted() {
        var host = new ScriptedHost(FIRST, FIRST, FIRST, FIRST, FIRST, FIRST, FIRST, FIRST);

        assertThatThrownBy(() -> reboot(host, ROOT)).isInstanceOf(DriverException.class)
                .hasMessageContaining("accepted the reboot command but was still running the same boot")
                .hasMessageContaining("'root' may reboot it");
    }

    @Test
    void aHostThatDoesNotComeBack_isReportedWithWhatToDo() {
        var host = new ScriptedHost(FIRST, "down", "down", "down", "down", "down", "down", "down", "down", "down",
                "down", "down", "down", "down", "down", "down", "down", "down", "down", "down", "down", "down");

        assertThatThrownBy(() -> reboot(host, ROOT)).isInstanceOf(DriverException.class)
                .hasMessageContaining("went down for the reboot but has not answered over SSH with a new boot")
                .hasMessageContaining("restart or provision the machine again");
    }

    @Test
    void aHostThatComesBackWithAnotherHostKey_stopsTheWaitAtOnce() {
        var host = new ScriptedHost(FIRST, "down", "refused", SECOND);

        assertThatThrownBy(() -> reboot(host, ROOT)).isInstanceOf(DriverException.class)
                .hasMessageContaining("answers again after the reboot, but refused the session")
                .hasMessageContaining("host key of 10.213.0.5:22 has changed");
        assertThat(host.opened).isEqualTo(3);
    }

    private static void reboot(ScriptedHost host, SshTarget target) {
        new HostReboot(new StubDriverContext(host::open, Clock.systemUTC()), Duration.ofMillis(60), Duration.ofMillis(150), Duration.ofMillis(10))
                .reboot(MachineId.random(), () -> target);
    }

    /** Answers sessions in script order; the last answer repeats. */
    private static final class ScriptedHost {

        private final Deque<String> script;
        private final List<String> commands = new ArrayList<>();
        private boolean sudo = true;
        private int opened;

        ScriptedHost(String... answers) {
            script = new ArrayDeque<>(List.of(answers));
        }

        HostShell open(MachineId machineId, SshTarget target) {
            opened++;
            var answer = script.size() > 1 ? script.poll() : script.peek();
            return switch (answer) {
                case "down" -> throw new DriverException("Cannot reach the SSH server at " + target.address());
                case "refused" -> throw new HostAccessRefusedException("The SSH host key of " + target.address()
                        + " has changed");
                default -> new Session(answer);
            };
        }

        private final class Session implements HostShell {

            private final String boot;

            Session(String boot) {
                this.boot = boot;
            }

            @Override
            public Result run(String command, Duration timeout) {
                commands.add(command);
                if (command.startsWith("cat /proc/sys/kernel/random/boot_id")) {
                    return new Result(0, boot + "\n", "");
                }
                if (command.equals("sudo -n true")) {
                    return new Result(sudo ? 0 : 1, "", sudo ? "" : "sudo: a password is required");
                }
                return new Result(0, "", "");
            }

            @Override
            public void upload(String path, byte[] content, int mode) {
                throw new UnsupportedOperationException();
            }

            @Override
            public Optional<String> read(String path) {
                return Optional.empty();
            }

            @Override
            public String hostKeyType() {
                return "ssh-ed25519";
            }

            @Override
            public String hostKeyFingerprint() {
                return "SHA256:scripted";
            }

            @Override
            public boolean pinnedNow() {
                return false;
            }

            @Override
            public void close() {
            }
        }
    }
}
