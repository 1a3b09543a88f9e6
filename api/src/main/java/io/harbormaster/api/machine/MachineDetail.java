package io.harbormaster.api.machine;

import io.harbormaster.api.team.TeamId;
import io.harbormaster.api.user.UserId;
import java.time.Instant;
import java.util.List;

/**
 * Everything the platform shows about one machine. {@code version} is the aggregate's last event sequence number:
 * send it back as {@code If-Match} to refuse a command when someone else changed the machine meanwhile.
 */
public record MachineDetail(
        MachineId id,
        TeamId teamId,
        String teamName,
        String name,
        String driver,
        DriverOptions driverOptions,
        MachineState state,
        UserId holder,
        String holderName,
        String dockerUrl,
        String lastError,
        List<MachineShare> shares,
        Instant createdAt,
        Instant updatedAt,
        long version,
        EngineOptions engineOptions) {

    public MachineDetail {
        shares = List.copyOf(shares);
        engineOptions = engineOptions == null ? EngineOptions.none() : engineOptions;
    }
}
