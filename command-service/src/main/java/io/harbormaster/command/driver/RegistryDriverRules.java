package io.harbormaster.command.driver;

import io.harbormaster.api.machine.DriverOptions;
import io.harbormaster.api.machine.LifecycleOperation;
import io.harbormaster.command.machine.DriverRules;
import io.harbormaster.command.refusal.DriverOptionsRefusedException;
import io.harbormaster.driver.InvalidDriverOptionsException;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** The machine's driver rules, answered by the installed drivers. */
@Component
public class RegistryDriverRules implements DriverRules {

    private final DriverRegistry drivers;

    public RegistryDriverRules(DriverRegistry drivers) {
        this.drivers = drivers;
    }

    @Override
    public String requireKnown(String driver) {
        return drivers.get(driver).name();
    }

    @Override
    public void validate(String driver, DriverOptions options) {
        try {
            drivers.get(driver).validate(options);
        } catch (InvalidDriverOptionsException invalid) {
            throw new DriverOptionsRefusedException(invalid.option(), invalid.getMessage());
        }
    }

    @Override
    public Optional<String> refusal(String driver, LifecycleOperation operation) {
        var capabilities = drivers.capabilities(driver);
        return capabilities.supports(operation) ? Optional.empty()
                : Optional.of(capabilities.refusal(driver, operation));
    }

    @Override
    public boolean provisions(String driver) {
        return drivers.names().contains(driver) && drivers.get(driver).provisions();
    }

    @Override
    public boolean stopLeavesHostRunning(String driver) {
        return drivers.names().contains(driver) && drivers.capabilities(driver).stopLeavesHostRunning();
    }
}
