/** The machines' client certificates, cached on the workstation and renewed when they expire or the CA changes. */
package io.harbormaster.cli.certs;
