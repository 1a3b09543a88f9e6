package io.harbormaster.api.machine;

import java.util.List;

/**
 * How one machine differs between a past instant and now.
 *
 * @param fields for {@code CHANGED}, each field that differs; empty for {@code ADDED} and {@code REMOVED}
 */
public record FleetChange(MachineId machineId, String name, Kind kind, List<FieldChange> fields) {

    public FleetChange {
        fields = List.copyOf(fields);
    }

    public enum Kind {
        /** Made (or imported) after the instant. */
        ADDED,
        /** Existed at the instant and is gone now. */
        REMOVED,
        /** Exists in both, with different fields. */
        CHANGED
    }

    /** A field's value then and now, as text (null when unset). */
    public record FieldChange(String name, String then, String now) {
    }
}
