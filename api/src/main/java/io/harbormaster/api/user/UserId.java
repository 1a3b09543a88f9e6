package io.harbormaster.api.user;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.harbormaster.api.common.TypedIds;
import java.util.UUID;

/** Identifies a user; always a canonical lower-case UUID. */
public record UserId(String value) {

    public UserId {
        value = TypedIds.requireUuid("user", value);
    }

    @JsonCreator
    public static UserId of(String value) {
        return new UserId(value);
    }

    public static UserId random() {
        return new UserId(UUID.randomUUID().toString());
    }

    @JsonValue
    @Override
    public String toString() {
        return value;
    }
}
