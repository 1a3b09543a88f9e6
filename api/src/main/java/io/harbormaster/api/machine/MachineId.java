package io.harbormaster.api.machine;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.harbormaster.api.common.TypedIds;
import java.util.UUID;

/** Identifies a machine; always a canonical lower-case UUID. */
public record MachineId(String value) {

    public MachineId {
        value = TypedIds.requireUuid("machine", value);
    }

    @JsonCreator
    public static MachineId of(String value) {
        return new MachineId(value);
    }

    public static MachineId random() {
        return new MachineId(UUID.randomUUID().toString());
    }

    @JsonValue
    @Override
    public String toString() {
        return value;
    }
}
