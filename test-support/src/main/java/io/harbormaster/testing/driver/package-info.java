/**
 * The driver contract kit: {@link io.harbormaster.testing.driver.DriverContract}, which every driver's tests extend,
 * and {@link io.harbormaster.testing.driver.StubDriverContext}, the platform's side as a test gives it.
 */
package io.harbormaster.testing.driver;
