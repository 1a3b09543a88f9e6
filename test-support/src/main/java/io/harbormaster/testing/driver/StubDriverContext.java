package io.harbormaster.testing.driver;

import io.harbormaster.api.machine.MachineId;
import io.harbormaster.api.team.TeamId;
import io.harbormaster.driver.CloudCredential;
import io.harbormaster.driver.DriverContext;
import io.harbormaster.driver.DriverException;
import io.harbormaster.driver.HostShell;
import io.harbormaster.driver.SshTarget;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BiFunction;

/**
 * A {@link DriverContext} for driver tests: shells from a function the test gives (a recorder or scripted host),
 * public keys, cloud credentials and platform settings from maps, a clock of the test's choosing. Records where shells were opened.
 */
public final class StubDriverContext implements DriverContext {

    private final BiFunction<MachineId, SshTarget, HostShell> shells;
    private final Clock clock;
    private final Map<MachineId, String> publicKeys = new ConcurrentHashMap<>();
    private final Map<String, CloudCredential> credentials = new ConcurrentHashMap<>();
    private final List<SshTarget> opened = new CopyOnWriteArrayList<>();
    private final Map<String, String> settings = new ConcurrentHashMap<>();
    private volatile String defaultPublicKey;

    public StubDriverContext(BiFunction<MachineId, SshTarget, HostShell> shells, Clock clock) {
        this.shells = shells;
        this.clock = clock;
    }

    /** A context without SSH: opening a shell fails as it does in a process with no SSH layer. */
    public static StubDriverContext withoutSsh() {
        return new StubDriverContext((machine, target) -> {
            throw new DriverException("No SSH in this test.");
        }, Clock.systemUTC());
    }

    /** The public key of every machine without one of its own, for drivers that import it (such as amazonec2). */
    public StubDriverContext withDefaultPublicKey(String authorizedKeysLine) {
        defaultPublicKey = authorizedKeysLine;
        return this;
    }

    public StubDriverContext withPublicKey(MachineId machine, String authorizedKeysLine) {
        publicKeys.put(machine, authorizedKeysLine);
        return this;
    }

    public StubDriverContext withCredential(TeamId team, CloudCredential credential) {
        credentials.put(team.value() + "/" + credential.name(), credential);
        return this;
    }

    /** Sets the platform setting {@code key} (without {@code harbormaster.drivers.}), as an operator would. */
    public StubDriverContext withSetting(String key, String value) {
        settings.put(key, value);
        return this;
    }

    /** Removes a credential, as a team owner would. */
    public StubDriverContext withoutCredential(TeamId team, String name) {
        credentials.remove(team.value() + "/" + name);
        return this;
    }

    /** The targets shells were opened to, in order. */
    public List<SshTarget> opened() {
        return List.copyOf(opened);
    }

    @Override
    public HostShell openShell(MachineId machine, SshTarget target) {
        opened.add(target);
        return shells.apply(machine, target);
    }

    @Override
    public Optional<String> sshPublicKey(MachineId machine) {
        return Optional.ofNullable(publicKeys.getOrDefault(machine, defaultPublicKey));
    }

    @Override
    public Optional<CloudCredential> cloudCredential(TeamId team, String name) {
        return Optional.ofNullable(credentials.get(team.value() + "/" + name));
    }

    @Override
    public Clock clock() {
        return clock;
    }

    @Override
    public Optional<String> setting(String key) {
        return Optional.ofNullable(settings.get(key));
    }
}
