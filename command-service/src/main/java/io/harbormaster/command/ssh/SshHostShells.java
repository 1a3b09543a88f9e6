package io.harbormaster.command.ssh;

import io.harbormaster.api.machine.MachineId;
import io.harbormaster.driver.DriverException;
import io.harbormaster.driver.HostAccessRefusedException;
import io.harbormaster.driver.HostShell;
import io.harbormaster.driver.SshTarget;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Drivers' and the provisioner's SSH access: sessions with the machine's current key from the secret store, checked
 * against the host key pinned in {@code cmd_machine_host_keys} (from {@code SshHostKeyPinned}); with no pin yet the
 * host's key is accepted and reported, for the caller to record. SSH failures become {@link DriverException}s with
 * the SSH layer's message; a changed host key or a refused login is a {@link HostAccessRefusedException}, because
 * callers that wait for a host (a reboot) must stop waiting then.
 */
@Component
class SshHostShells implements HostShells {

    private final SshSessions sessions;
    private final MachineSshKeys keys;
    private final JdbcClient jdbc;

    SshHostShells(SshSessions sessions, MachineSshKeys keys, JdbcClient jdbc) {
        this.sessions = sessions;
        this.keys = keys;
        this.jdbc = jdbc;
    }

    @Override
    public HostShell open(MachineId machineId, SshTarget target) {
        var pinned = pinned(machineId);
        try {
            var remote = sessions.open(target, keys.loadCurrent(machineId), pinned.orElse(null));
            return new Shell(remote, pinned.isEmpty());
        } catch (HostKeyChangedException | SshAuthenticationException e) {
            throw new HostAccessRefusedException(e.getMessage());
        } catch (SshException e) {
            throw new DriverException(e.getMessage());
        }
    }

    private Optional<HostKey> pinned(MachineId machineId) {
        return jdbc.sql("SELECT key_type, fingerprint FROM cmd_machine_host_keys WHERE machine_id = ?")
                .param(UUID.fromString(machineId.value()))
                .query((rs, n) -> new HostKey(rs.getString(1), rs.getString(2))).optional();
    }

    private record Shell(RemoteHost remote, boolean pinnedNow) implements HostShell {

        @Override
        public Result run(String command, Duration timeout) {
            try {
                var result = remote.run(command, timeout);
                return new Result(result.exitStatus(), result.stdout(), result.stderr());
            } catch (SshException e) {
                throw new DriverException(e.getMessage());
            }
        }

        @Override
        public void upload(String path, byte[] content, int mode) {
            try {
                remote.upload(path, content, mode);
            } catch (SshException e) {
                throw new DriverException(e.getMessage());
            }
        }

        @Override
        public Optional<String> read(String path) {
            var exists = run("test -f '" + path.replace("'", "'\\''") + "'", Duration.ofSeconds(30));
            if (!exists.ok()) {
                return Optional.empty();
            }
            try {
                return Optional.of(new String(remote.read(path), StandardCharsets.UTF_8));
            } catch (SshException e) {
                throw new DriverException(e.getMessage());
            }
        }

        @Override
        public String hostKeyType() {
            return remote.hostKey().type();
        }

        @Override
        public String hostKeyFingerprint() {
            return remote.hostKey().fingerprint();
        }

        @Override
        public void close() {
            remote.close();
        }
    }
}
