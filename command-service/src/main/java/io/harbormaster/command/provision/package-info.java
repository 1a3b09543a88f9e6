/**
 * The provisioner: over SSH it detects the host's OS, installs Docker Engine when missing, pushes the machine's TLS
 * material, merges Harbormaster's settings into the daemon's configuration, restarts the daemon and verifies it with a
 * mutual-TLS call to the Engine API. Each step is reported as progress; a failure names its step and a human reason.
 */
package io.harbormaster.command.provision;
