package io.harbormaster.command.ssh;

import io.harbormaster.driver.DriverException;
import io.harbormaster.driver.HostShell;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;

/**
 * An open {@link RemoteHost} session as the drivers' and the provisioner's {@link HostShell}: SSH failures become
 * {@link DriverException}s with the SSH layer's message. {@code pinnedNow} says whether this session pinned the host
 * key (nothing was pinned before).
 */
public record RemoteHostShell(RemoteHost remote, boolean pinnedNow) implements HostShell {

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
