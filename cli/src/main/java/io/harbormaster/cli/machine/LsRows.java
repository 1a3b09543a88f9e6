package io.harbormaster.cli.machine;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The fields of docker-machine's {@code HostListItem} for each listed machine, what {@code ls} templates read:
 * <ul>
 *   <li>{@code Active} is {@code *} when the machine is Running and its URL is {@code $DOCKER_HOST}, else {@code -};</li>
 *   <li>{@code DockerVersion} is {@code v<version>} for a Running machine whose engine version the server knows, else
 *       {@code Unknown}, as docker-machine shows for a machine it cannot ask (a stopped one, say);</li>
 *   <li>{@code Error} is the server's last error on one line; {@code ResponseTime} how long the listing took;</li>
 *   <li>Swarm fields are empty (Harbormaster makes no swarms); {@code Team} and {@code Holder} are Harbormaster's.</li>
 * </ul>
 */
final class LsRows {

    private LsRows() {
    }

    static List<Map<String, Object>> of(List<MachineListItem> machines, String dockerHost, Duration responseTime) {
        return machines.stream().map(machine -> row(machine, dockerHost, responseTime)).toList();
    }

    static Map<String, Object> row(MachineListItem machine, String dockerHost, Duration responseTime) {
        var state = machine.state() == null ? "" : machine.state();
        boolean active = ActiveCommand.isActive(state, machine.dockerUrl(), dockerHost == null ? "" : dockerHost);
        var row = new LinkedHashMap<String, Object>();
        row.put("Name", machine.name());
        row.put("Active", active ? "*" : "-");
        row.put("ActiveHost", active);
        row.put("ActiveSwarm", false);
        row.put("DriverName", nullToEmpty(machine.driver()));
        row.put("State", state);
        row.put("URL", nullToEmpty(machine.dockerUrl()));
        row.put("SwarmOptions", null);
        row.put("Swarm", "");
        row.put("EngineOptions", machine.engineOptions() == null ? null
                : Map.of("Labels", machine.engineOptions().labels(), "ArbitraryFlags", machine.engineOptions().flags()));
        row.put("Error", machine.lastError() == null ? "" : machine.lastError().replace("\r", "").replace("\n", " "));
        row.put("DockerVersion", dockerVersion(state, machine.dockerVersion()));
        row.put("ResponseTime", goDuration(responseTime));
        row.put("Team", nullToEmpty(machine.teamName()));
        row.put("Holder", nullToEmpty(machine.holderName()));
        return row;
    }

    static String dockerVersion(String state, String version) {
        if (!"Running".equals(state) || version == null || version.isBlank()) {
            return "Unknown";
        }
        var plain = version.strip();
        return plain.startsWith("v") ? plain : "v" + plain;
    }

    /** Go's {@code time.Duration} as docker-machine prints it, rounded to milliseconds: {@code 85ms}, {@code 1.2s}. */
    static String goDuration(Duration duration) {
        long millis = duration.toMillis();
        if (millis == 0) {
            return "0s";
        }
        if (millis < 1000) {
            return millis + "ms";
        }
        var seconds = java.math.BigDecimal.valueOf(millis, 3).stripTrailingZeros().toPlainString();
        return seconds + "s";
    }

    private static String nullToEmpty(String value) {
        return value == null ? "" : value;
    }
}
