package io.harbormaster.driver;

import io.harbormaster.api.machine.LifecycleOperation;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/**
 * The lifecycle operations a driver carries out. {@code whyNot} completes the refusal of any other operation, e.g.
 * "Harbormaster does not control that host. Use a generic or amazonec2 machine for that."
 */
public record DriverCapabilities(Set<LifecycleOperation> supported, String whyNot) {

    public DriverCapabilities {
        supported = supported.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(supported));
        whyNot = whyNot == null ? "" : whyNot;
    }

    /** Every lifecycle operation. */
    public static DriverCapabilities all() {
        return new DriverCapabilities(EnumSet.allOf(LifecycleOperation.class), "");
    }

    public boolean supports(LifecycleOperation operation) {
        return supported.contains(operation);
    }

    /** The message refusing {@code operation} on a machine of driver {@code driverName}. */
    public String refusal(String driverName, LifecycleOperation operation) {
        var message = "The " + driverName + " driver cannot " + operation.name().toLowerCase(Locale.ROOT) + " a machine";
        return whyNot.isBlank() ? message + "." : message + ": " + whyNot;
    }
}
