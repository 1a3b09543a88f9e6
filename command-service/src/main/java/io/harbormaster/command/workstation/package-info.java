/**
 * The REST endpoints a workstation downloads from: docker-machine's {@code env} and {@code config} output, a client
 * bundle and a {@code docker context} export for one machine, and a short-lived SSH certificate for its host
 * ({@code SshCertificateController}). This package only checks the request, asks the machine
 * for its endpoint or a fresh client certificate and wraps the answer in HTTP; the bytes themselves come from the
 * Spring-free {@code io.harbormaster.workstation} library, which the {@code hm} CLI and the portal use too, so every
 * client prints the same output.
 */
package io.harbormaster.command.workstation;
