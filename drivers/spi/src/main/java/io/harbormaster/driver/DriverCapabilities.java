package io.harbormaster.driver;

import io.harbormaster.api.machine.LifecycleOperation;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/**
 * The lifecycle operations a driver carries out. {@code whyNot} completes the refusal of any other operation, e.g.
 * "Harbormaster does not control that host. Use a generic or amazonec2 machine for that."
 * {@code stopLeavesHostRunning} is true for a driver whose stop only takes the machine out of service in Harbormaster
 * (the host keeps running, as with {@code none}): the reconciler then leaves a Stopped machine Stopped, because the
 * host answering says nothing about whether a user wants it in service.
 */
public record DriverCapabilities(Set<LifecycleOperation> supported, String whyNot, boolean stopLeavesHostRunning) {

    public DriverCapabilities {
        supported = supported.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(supported));
        whyNot = whyNot == null ? "" : whyNot;
    }

    /** A driver whose stop stops the host. */
    public DriverCapabilities(Set<LifecycleOperation> supported, String whyNot) {
        this(supported, whyNot, false);
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
