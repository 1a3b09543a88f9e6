package io.harbormaster.command.driver;

import io.harbormaster.api.driver.CheckDriverOptionsQuery;
import io.harbormaster.api.driver.DriverList;
import io.harbormaster.api.driver.DriverOptionsCheck;
import io.harbormaster.api.driver.FindDriversQuery;
import io.harbormaster.api.machine.DriverOptions;
import io.harbormaster.api.machine.LifecycleOperation;
import io.harbormaster.driver.InvalidDriverOptionsException;
import io.harbormaster.driver.MachineDriver;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Arrays;
import java.util.stream.Collectors;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The installed drivers as clients see them: what each can do and its options described for forms, from the drivers
 * themselves, so a new driver brings its own form. Answered on the query bus (the portal) and at
 * {@code GET /api/drivers}; checking options asks the driver's own validation, creating nothing.
 */
@RestController
@Tag(name = "Drivers")
class DriverCatalog {

    private final DriverRegistry drivers;

    DriverCatalog(DriverRegistry drivers) {
        this.drivers = drivers;
    }

    @GetMapping("/api/drivers")
    @Operation(operationId = "listDrivers", summary = "The installed drivers, their lifecycle operations and options",
            description = "Options are described for forms: name (the key in driverOptions), label, description, "
                    + "whether required, default, and kind (TEXT, HOST, PORT, URL, NUMBER, BOOLEAN, LIST: values separated by commas).")
    DriverList list() {
        return handle(new FindDriversQuery());
    }

    @QueryHandler
    DriverList handle(FindDriversQuery query) {
        return new DriverList(drivers.names().stream().map(name -> describe(drivers.get(name))).toList());
    }

    @QueryHandler
    DriverOptionsCheck handle(CheckDriverOptionsQuery query) {
        if (query.driver() == null || !drivers.names().contains(query.driver())) {
            return new DriverOptionsCheck(false, null, "There is no driver '" + query.driver() + "'. Installed: "
                    + String.join(", ", drivers.names()) + ".");
        }
        try {
            drivers.get(query.driver()).validate(query.options() == null ? DriverOptions.none() : query.options());
            return DriverOptionsCheck.ok();
        } catch (InvalidDriverOptionsException invalid) {
            return new DriverOptionsCheck(false, invalid.option(), invalid.getMessage());
        }
    }

    private DriverList.Driver describe(MachineDriver driver) {
        var capabilities = drivers.capabilities(driver.name());
        var operations = Arrays.stream(LifecycleOperation.values()).filter(capabilities::supports)
                .collect(Collectors.toSet());
        var options = driver.options().stream().map(option -> new DriverList.Option(option.name(), option.label(),
                option.description(), option.required(), option.defaultValue(), option.kind().name())).toList();
        return new DriverList.Driver(driver.name(), driver.provisions(), operations, options);
    }
}
