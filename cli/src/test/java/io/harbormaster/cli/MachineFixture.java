package io.harbormaster.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import tools.jackson.databind.json.JsonMapper;

/** One machine as the server's by-name and by-id endpoints answer it, built field by field. */
final class MachineFixture {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    final String id;
    private final Map<String, Object> fields = new LinkedHashMap<>();

    private MachineFixture(String name) {
        id = UUID.nameUUIDFromBytes(name.getBytes()).toString();
        fields.put("id", id);
        fields.put("teamId", "6f1c1d9e-0000-4000-8000-000000000001");
        fields.put("teamName", "platform");
        fields.put("name", name);
        fields.put("driver", "generic");
        fields.put("driverOptions", Map.of("ip-address", "10.0.0.5", "ssh-user", "ubuntu"));
        fields.put("state", "Running");
        fields.put("holder", "0b6d1f52-7c3e-4a8b-9d2f-1e5a6b7c8d9e");
        fields.put("holderName", "alice");
        fields.put("dockerUrl", "tcp://10.0.0.5:2376");
        fields.put("lastError", null);
        fields.put("shares", java.util.List.of());
        fields.put("createdAt", "2026-01-02T03:04:05Z");
        fields.put("updatedAt", "2026-01-02T04:04:05Z");
        fields.put("version", 7);
        fields.put("dockerVersion", "27.3.1");
        fields.put("caFingerprint", "SHA256:ab");
    }

    static MachineFixture machine(String name) {
        return new MachineFixture(name);
    }

    MachineFixture with(String field, Object value) {
        fields.put(field, value);
        return this;
    }

    String json() {
        return JSON.writeValueAsString(fields);
    }

    VerbServer.Answer answer() {
        return VerbServer.Answer.json(json());
    }
}
