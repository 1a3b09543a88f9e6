/**
 * The platform side of the drivers: {@link io.harbormaster.command.driver.DriverRegistry} finds the installed ones
 * (modules under {@code drivers/}, SPI in {@code io.harbormaster.driver}) with {@link java.util.ServiceLoader} and
 * initializes them with the process's {@link io.harbormaster.driver.DriverContext}; driver calls run on
 * {@link io.harbormaster.command.driver.DriverCallExecutor}, never on a message-handling thread.
 */
package io.harbormaster.command.driver;
