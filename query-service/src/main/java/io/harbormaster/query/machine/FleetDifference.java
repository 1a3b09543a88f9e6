package io.harbormaster.query.machine;

import io.harbormaster.api.machine.FleetChange;
import io.harbormaster.api.machine.MachineAsOf;
import io.harbormaster.api.machine.MachineId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/** What differs between the fleet at one instant and at a later one, machine by machine, in name order. */
final class FleetDifference {

    /** The fields a user compares: what a machine is doing, who has it, where it is and which CA it trusts. */
    private static final Map<String, Function<MachineAsOf, Object>> FIELDS = new LinkedHashMap<>();

    static {
        FIELDS.put("state", MachineAsOf::state);
        FIELDS.put("holder", machine -> machine.holderName() != null ? machine.holderName() : machine.holder());
        FIELDS.put("dockerUrl", MachineAsOf::dockerUrl);
        FIELDS.put("caFingerprint", MachineAsOf::caFingerprint);
        FIELDS.put("dockerVersion", MachineAsOf::dockerVersion);
        FIELDS.put("lastError", MachineAsOf::lastError);
    }

    private FleetDifference() {
    }

    /** Both lists in name order; the answer follows the later list's order, then the machines removed since. */
    static List<FleetChange> between(List<MachineAsOf> then, List<MachineAsOf> now) {
        var earlier = new LinkedHashMap<MachineId, MachineAsOf>();
        then.forEach(machine -> earlier.put(machine.id(), machine));
        var changes = new ArrayList<FleetChange>();
        for (var current : now) {
            var before = earlier.remove(current.id());
            if (before == null) {
                changes.add(new FleetChange(current.id(), current.name(), FleetChange.Kind.ADDED, List.of()));
                continue;
            }
            var fields = new ArrayList<FleetChange.FieldChange>();
            FIELDS.forEach((name, value) -> {
                var was = text(value.apply(before));
                var is = text(value.apply(current));
                if (!Objects.equals(was, is)) {
                    fields.add(new FleetChange.FieldChange(name, was, is));
                }
            });
            if (!fields.isEmpty()) {
                changes.add(new FleetChange(current.id(), current.name(), FleetChange.Kind.CHANGED, fields));
            }
        }
        earlier.values().forEach(gone -> changes.add(new FleetChange(gone.id(), gone.name(),
                FleetChange.Kind.REMOVED, List.of())));
        return changes;
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }
}
