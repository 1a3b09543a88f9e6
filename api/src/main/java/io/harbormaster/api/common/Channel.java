package io.harbormaster.api.common;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Locale;

/** Through which door an action entered the platform; recorded on every event. */
public enum Channel {
    API, UI, CLI, RECONCILER, SYSTEM;

    @JsonValue
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static Channel fromWireName(String value) {
        return Arrays.stream(values())
                .filter(c -> c.wireName().equalsIgnoreCase(value == null ? "" : value.strip()))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException(
                        "channel must be one of api, ui, cli, reconciler, system; got '" + value + "'"));
    }
}
