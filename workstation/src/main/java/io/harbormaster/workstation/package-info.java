/**
 * What a workstation downloads to reach a machine: the text of docker-machine's {@code env} and {@code config}
 * commands ({@link io.harbormaster.command.workstation.EnvScript}, {@link io.harbormaster.command.workstation.ConfigFlags}),
 * a client bundle of {@code ca.pem}, {@code cert.pem} and {@code key.pem} as tar or zip
 * ({@link io.harbormaster.command.workstation.ClientBundle}) and a {@code docker context import} archive
 * ({@link io.harbormaster.command.workstation.DockerContextExport}). Pure rendering and writing, with no Spring and no
 * I/O beyond the given stream: the REST layer decides who may download what and the certificate authority supplies the
 * {@link io.harbormaster.command.workstation.TlsMaterial}.
 */
package io.harbormaster.command.workstation;
