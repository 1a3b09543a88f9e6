package io.harbormaster.api.team;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.harbormaster.api.common.TypedIds;
import java.util.UUID;

/** Identifies a team; always a canonical lower-case UUID. */
public record TeamId(String value) {

    public TeamId {
        value = TypedIds.requireUuid("team", value);
    }

    @JsonCreator
    public static TeamId of(String value) {
        return new TeamId(value);
    }

    public static TeamId random() {
        return new TeamId(UUID.randomUUID().toString());
    }

    @JsonValue
    @Override
    public String toString() {
        return value;
    }
}
