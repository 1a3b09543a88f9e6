package io.harbormaster.api.driver;

import io.harbormaster.api.machine.DriverOptions;

/**
 * Whether the driver would take these options, checked by the driver itself as at creation (not the network rules,
 * which creation checks too). Answers {@link DriverOptionsCheck}; creates nothing.
 */
public record CheckDriverOptionsQuery(String driver, DriverOptions options) {
}
