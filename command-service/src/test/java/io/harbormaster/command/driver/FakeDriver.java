package io.harbormaster.command.driver;

import io.harbormaster.api.machine.DriverOptions;
import io.harbormaster.api.machine.MachineState;
import io.harbormaster.driver.CreateResult;
import io.harbormaster.driver.DriverCapabilities;
import io.harbormaster.driver.InvalidDriverOptionsException;
import io.harbormaster.driver.MachineDriver;
import io.harbormaster.driver.HostState;
import io.harbormaster.driver.MachineRef;
import io.harbormaster.driver.MachineSpec;
import io.harbormaster.driver.SshTarget;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/** A driver that supports everything, records its calls and fails on request, like libmachine's fake driver. */
public class FakeDriver implements MachineDriver {

    public static final String NAME = "fake";

    private final List<String> calls = new CopyOnWriteArrayList<>();
    private volatile RuntimeException failure;
    private volatile CreateResult createResult = new CreateResult.Created("tcp://192.0.2.10:2376");

    /** Makes every following call throw {@code failure}. */
    public FakeDriver failingWith(RuntimeException failure) {
        this.failure = failure;
        return this;
    }

    public FakeDriver creating(CreateResult result) {
        this.createResult = result;
        return this;
    }

    /** The calls so far, like {@code "start web-1"}. */
    public List<String> calls() {
        return List.copyOf(calls);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public DriverCapabilities capabilities() {
        return DriverCapabilities.all();
    }

    @Override
    public void validate(DriverOptions options) {
        if (options.get("bad") != null) {
            throw new InvalidDriverOptionsException("bad", "The fake driver refuses option 'bad'");
        }
    }

    @Override
    public CreateResult create(MachineSpec spec) {
        record("create", spec.name().value());
        return createResult;
    }

    @Override
    public void start(MachineRef machine) {
        record("start", machine.name().value());
    }

    @Override
    public void stop(MachineRef machine) {
        record("stop", machine.name().value());
    }

    @Override
    public void restart(MachineRef machine) {
        record("restart", machine.name().value());
    }

    @Override
    public void kill(MachineRef machine) {
        record("kill", machine.name().value());
    }

    @Override
    public void remove(MachineRef machine) {
        record("remove", machine.name().value());
    }

    @Override
    public HostState state(MachineRef machine) {
        return HostState.of(MachineState.Running);
    }

    @Override
    public List<String> addresses(MachineRef machine) {
        return List.of("192.0.2.10");
    }

    @Override
    public Optional<SshTarget> sshTarget(MachineRef machine) {
        return Optional.of(new SshTarget("192.0.2.10", 22, "docker"));
    }

    private void record(String operation, String machine) {
        calls.add(operation + " " + machine);
        if (failure != null) {
            throw failure;
        }
    }
}
