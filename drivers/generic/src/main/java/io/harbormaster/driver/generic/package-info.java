/**
 * The {@code generic} driver: an existing host reached over SSH, provisioned by Harbormaster (docker-machine's
 * {@code --driver generic}).
 */
package io.harbormaster.driver.generic;
