package io.harbormaster.command.driver;

import io.harbormaster.driver.DriverCapabilities;
import io.harbormaster.driver.MachineDriver;
import java.util.Collection;
import java.util.Collections;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The installed drivers by name, found through {@link java.util.ServiceLoader}. The machine's decisions see them only
 * through {@link io.harbormaster.command.machine.DriverRules} ({@link RegistryDriverRules}); the processes call them.
 */
public final class DriverRegistry {

    private final Map<String, MachineDriver> drivers = new TreeMap<>();

    public DriverRegistry(Collection<? extends MachineDriver> installed) {
        for (var driver : installed) {
            var previous = drivers.putIfAbsent(driver.name(), driver);
            if (previous != null) {
                throw new IllegalStateException("Two drivers are named '" + driver.name() + "': "
                        + previous.getClass().getName() + " and " + driver.getClass().getName());
            }
        }
    }

    /** The drivers listed in {@code META-INF/services/io.harbormaster.driver.MachineDriver} on the class path. */
    public static DriverRegistry discover() {
        var found = ServiceLoader.load(MachineDriver.class, MachineDriver.class.getClassLoader()).stream()
                .map(ServiceLoader.Provider::get)
                .toList();
        return new DriverRegistry(found);
    }

    /** The driver called {@code name}; throws {@link UnknownDriverException} listing the known ones. */
    public MachineDriver get(String name) {
        var driver = name == null ? null : drivers.get(name);
        if (driver == null) {
            throw new UnknownDriverException(name, names());
        }
        return driver;
    }

    /** The capabilities of the driver called {@code name}. */
    public DriverCapabilities capabilities(String name) {
        return get(name).capabilities();
    }

    /** The names of the installed drivers, sorted. */
    public Set<String> names() {
        return Collections.unmodifiableSortedSet(new TreeSet<>(drivers.keySet()));
    }
}
