package io.harbormaster.cli.config;

import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/** The one JSON mapper for hm's own files: tolerant of fields a newer hm wrote. */
public final class Json {

    public static final JsonMapper MAPPER = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private Json() {
    }

    /** Where a JSON text could not be read, e.g. "line 1, column 12", never a piece of the text itself. */
    public static String where(tools.jackson.core.JacksonException e) {
        var location = e.getLocation();
        return location == null || location.getLineNr() < 0 ? "unreadable JSON"
                : "line " + location.getLineNr() + ", column " + location.getColumnNr();
    }
}
