/**
 * The {@code none} driver: a machine that is an existing Docker daemon reached by URL. Harbormaster provisions
 * nothing and controls nothing on that host; see {@link io.harbormaster.driver.none.NoneDriver}.
 */
package io.harbormaster.driver.none;
