/**
 * Everything a workstation needs to reach a machine, as plain Java shared by the server, the {@code hm} CLI and the
 * portal so all three print the same bytes: the text of docker-machine's {@code env} and {@code config} commands
 * ({@link io.harbormaster.workstation.EnvScript}, {@link io.harbormaster.workstation.ConfigFlags}), a client bundle of
 * {@code ca.pem}, {@code cert.pem} and {@code key.pem} as tar or zip ({@link io.harbormaster.workstation.ClientBundle})
 * and a {@code docker context import} archive ({@link io.harbormaster.workstation.DockerContextExport}).
 *
 * <p>What belongs here: pure rendering and writing, with no I/O beyond the given stream, that depends on nothing but
 * the JDK, {@code io.harbormaster.api} and the two libraries the archives need (commons-compress for ustar and zip
 * entries with Unix modes, Jackson for {@code meta.json}); {@code WorkstationArchitectureTest} holds that line. No
 * Spring, no Axon, no HTTP: deciding who may download what, issuing the certificate behind the
 * {@link io.harbormaster.workstation.TlsMaterial} and talking to the server stay with the callers. Only the entry
 * points above, {@link io.harbormaster.workstation.EnvSettings}, {@link io.harbormaster.workstation.Shell} and
 * {@code TlsMaterial} are public; quoting, shell syntax and archive writing are details of this package.
 */
package io.harbormaster.workstation;
