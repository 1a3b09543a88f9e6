package io.harbormaster.api.driver;

/** Every installed driver with its options; answers {@link DriverList}. */
public record FindDriversQuery() {
}
