/**
 * The driver SPI: how Harbormaster makes, starts, stops and removes the host behind a machine, like docker-machine's
 * drivers. {@link io.harbormaster.driver.MachineDriver} is the port; each driver is a module of its own under
 * {@code drivers/} ({@code none}, {@code generic}, {@code amazonec2}), listed in
 * {@code META-INF/services/io.harbormaster.driver.MachineDriver}. A driver reaches the platform only through
 * {@link io.harbormaster.driver.DriverContext}. Depends on {@code harbormaster-api} and the JDK, nothing else.
 */
package io.harbormaster.driver;
