package io.harbormaster.web.machine;

import io.harbormaster.api.driver.DriverList;
import io.harbormaster.api.driver.DriverOptionsCheck;
import io.harbormaster.api.machine.DriverOptions;
import io.harbormaster.api.machine.EngineOptions;
import io.harbormaster.api.machine.LifecycleOperation;
import io.harbormaster.api.machine.MachineId;
import io.harbormaster.api.machine.MachineName;
import io.harbormaster.api.team.TeamDetail;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.springframework.context.annotation.Primary;
import org.springframework.stereotype.Component;

/**
 * The generic and none drivers as the platform describes them; refuses a port above 65535 as the generic driver does;
 * records what was created.
 */
@Component
@Primary
class FakeMachineCreation implements MachineCreation {

    static final DriverList.Driver GENERIC = new DriverList.Driver("generic", true, Set.of(LifecycleOperation.values()),
            List.of(new DriverList.Option("ip-address", "Address", "The host's IP address or DNS name.", true, null,
                            "HOST"),
                    new DriverList.Option("ssh-user", "SSH user", "The user to log in as.", false, "root", "TEXT"),
                    new DriverList.Option("ssh-port", "SSH port", "The port sshd listens on.", false, "22", "PORT")));
    static final DriverList.Driver NONE = new DriverList.Driver("none", false, Set.of(LifecycleOperation.START),
            List.of(new DriverList.Option("url", "Docker URL", "Where the daemon listens.", true, null, "URL")));

    volatile List<TeamDetail> teams = List.of();
    final List<String> created = new CopyOnWriteArrayList<>();
    final Map<MachineId, String> publicKeys = new ConcurrentHashMap<>();

    @Override
    public List<DriverList.Driver> drivers() {
        return List.of(GENERIC, NONE);
    }

    @Override
    public List<TeamDetail> teams() {
        return teams;
    }

    @Override
    public DriverOptionsCheck check(String driver, DriverOptions options) {
        var port = options.values().get("ssh-port");
        if (port != null && (!port.matches("\\d{1,5}") || Integer.parseInt(port) > 65535)) {
            return new DriverOptionsCheck(false, "ssh-port", "ssh-port must be a port from 1 to 65535");
        }
        return DriverOptionsCheck.ok();
    }

    @Override
    public MachineId create(TeamDetail team, MachineName name, String driver, DriverOptions options,
                            String sshPrivateKey, EngineOptions engine) {
        created.add(team.name() + " " + name + " " + driver + " " + new java.util.TreeMap<>(options.values())
                + " key=" + (sshPrivateKey == null ? "made" : "given")
                + " labels=" + (engine == null ? "[]" : engine.labels()));
        return MachineId.random();
    }

    @Override
    public Optional<String> sshPublicKey(MachineId machine) {
        return Optional.ofNullable(publicKeys.get(machine));
    }
}
