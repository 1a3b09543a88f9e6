package io.harbormaster.command.provision;

import io.harbormaster.api.common.ControlCharacters;
import java.util.HashMap;
import java.util.Map;

/**
 * What {@code /etc/os-release} says about the host: its id ({@code debian}, {@code ubuntu}, …), version and the
 * name shown to people. Quoted values are unquoted the way the file's shell-like syntax defines.
 */
record OsRelease(String id, String versionId, String prettyName) {

    /** The host wrote the file: its values are recorded in events, so control characters are replaced. */
    OsRelease {
        id = ControlCharacters.readable(id);
        versionId = ControlCharacters.readable(versionId);
        prettyName = ControlCharacters.readable(prettyName);
    }

    static OsRelease parse(String text) {
        Map<String, String> values = new HashMap<>();
        for (var line : text.split("\n")) {
            var trimmed = line.strip();
            var eq = trimmed.indexOf('=');
            if (trimmed.isEmpty() || trimmed.startsWith("#") || eq <= 0) {
                continue;
            }
            var value = trimmed.substring(eq + 1);
            if (value.length() >= 2 && (value.startsWith("\"") && value.endsWith("\"")
                    || value.startsWith("'") && value.endsWith("'"))) {
                value = value.substring(1, value.length() - 1).replace("\\\"", "\"").replace("\\\\", "\\");
            }
            values.put(trimmed.substring(0, eq), value);
        }
        var id = values.getOrDefault("ID", "linux");
        var version = values.getOrDefault("VERSION_ID", "");
        var pretty = values.getOrDefault("PRETTY_NAME", (id + " " + version).strip());
        return new OsRelease(id, version, pretty);
    }
}
