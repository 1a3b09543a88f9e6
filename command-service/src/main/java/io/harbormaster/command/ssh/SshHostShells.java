package io.harbormaster.command.ssh;

import io.harbormaster.api.machine.MachineId;
import io.harbormaster.driver.DriverException;
import io.harbormaster.driver.HostAccessRefusedException;
import io.harbormaster.driver.HostShell;
import io.harbormaster.driver.SshTarget;
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
            return new RemoteHostShell(remote, pinned.isEmpty());
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
}
