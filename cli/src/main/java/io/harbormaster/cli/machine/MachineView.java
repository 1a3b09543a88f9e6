package io.harbormaster.cli.machine;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One machine as {@code GET /api/machines/by-name?name=} and {@code GET /api/machines/{id}} answer it, read
 * leniently: hm keeps its own view of the answer so an older or newer server with more or fewer fields still works.
 * {@code engineOptions} is null when the server does not report them.
 */
public record MachineView(String id, String teamId, String teamName, String name, String driver,
                          Map<String, Object> driverOptions, String state, String holder, String holderName,
                          String dockerUrl, String lastError, List<Share> shares, Instant createdAt,
                          Instant updatedAt, long version, String dockerVersion, String ipAddress,
                          String caFingerprint, EngineOptions engineOptions) {

    public MachineView {
        driverOptions = driverOptions == null ? Map.of() : Map.copyOf(driverOptions);
        shares = shares == null ? List.of() : List.copyOf(shares);
    }

    /** Who a machine is shared with: a user or a team, with a role. */
    public record Share(Grantee grantee, String granteeName, String role) {
    }

    /** {@code kind} is USER or TEAM. */
    public record Grantee(String kind, String id) {
    }
}
