/**
 * The driver SPI: how Harbormaster makes, starts, stops and removes the host behind a machine, like docker-machine's
 * drivers. {@link io.harbormaster.command.driver.MachineDriver} is the port; adapters live in one sub-package each
 * ({@code driver/none}, later {@code driver/generic}, {@code driver/amazonec2}) and are found with
 * {@link java.util.ServiceLoader} by {@link io.harbormaster.command.driver.DriverRegistry}. Driver calls run on
 * {@link io.harbormaster.command.driver.DriverCallExecutor}, never on a message-handling thread.
 */
package io.harbormaster.command.driver;
