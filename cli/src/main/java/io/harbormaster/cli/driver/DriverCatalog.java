package io.harbormaster.cli.driver;

import io.harbormaster.api.driver.DriverList;
import io.harbormaster.cli.HmException;
import io.harbormaster.cli.server.HarbormasterClient;
import io.harbormaster.cli.server.ServerRefusal;
import java.util.Map;

/** The drivers a server has, with their options described ({@code GET /api/drivers}). */
public record DriverCatalog(String server, DriverList list) {

    /** Asks the server; a refusal keeps the server's words. */
    public static DriverCatalog of(HarbormasterClient client) {
        try {
            return new DriverCatalog(client.server().toString(), client.get("/api/drivers", Map.of(),
                    DriverList.class));
        } catch (ServerRefusal refusal) {
            if (refusal.status() == 401) {
                throw refusal;
            }
            throw new HmException("Cannot list the drivers of " + client.server() + ": " + refusal.getMessage());
        }
    }

    /** The driver named {@code name}; otherwise says which drivers the server has, with {@code exitCode}. */
    public DriverList.Driver driver(String name, String failurePrefix, int exitCode) {
        return list.drivers().stream().filter(driver -> driver.name().equals(name)).findFirst()
                .orElseThrow(() -> new HmException(failurePrefix + "the server at " + server + " has no driver '"
                        + name + "'" + Suggestion.closest(name, names()).map(close -> " (did you mean " + close
                        + "?)").orElse("") + "; it has " + String.join(", ", names()) + " (hm drivers lists them)",
                        exitCode));
    }

    java.util.List<String> names() {
        return list.drivers().stream().map(DriverList.Driver::name).sorted().toList();
    }
}
