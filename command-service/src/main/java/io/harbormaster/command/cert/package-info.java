/**
 * The per-machine certificate authority: one CA per machine (ECDSA P-256 by default, RSA as an option), the server
 * certificate dockerd presents (naming every address of the machine) and short-lived client certificates per user,
 * with PEM in and out so a CA can live in the secret store between uses. Plain Java on BouncyCastle's certificate
 * builders and the JDK's own crypto providers. {@link io.harbormaster.command.cert.MachineTls} keeps a machine's
 * material in the secret store (one version per renewal); {@code MachineTlsCleanup} destroys it when the machine is
 * removed. The certificate process ({@code command.process.certificate}) is the only caller that makes material.
 */
package io.harbormaster.command.cert;
