package io.harbormaster.api.driver;

import io.harbormaster.api.machine.LifecycleOperation;
import java.util.List;
import java.util.Set;

/** The installed drivers, by name. */
public record DriverList(List<Driver> drivers) {

    public DriverList {
        drivers = List.copyOf(drivers);
    }

    /**
     * One driver.
     *
     * @param provisions whether Harbormaster installs Docker Engine on its hosts over SSH (and so needs an SSH key)
     * @param operations the lifecycle operations it carries out
     */
    public record Driver(String name, boolean provisions, Set<LifecycleOperation> operations, List<Option> options) {

        public Driver {
            operations = Set.copyOf(operations);
            options = List.copyOf(options);
        }
    }

    /**
     * One option, described for a form field.
     *
     * @param kind TEXT, HOST, PORT, URL, NUMBER, BOOLEAN or LIST (values separated by commas)
     */
    public record Option(String name, String label, String description, boolean required, String defaultValue,
                         String kind) {
    }
}
