package io.harbormaster.api.machine;

/** Where a machine's Docker daemon listens, and the machine's name (for env and config output). */
public record DockerEndpoint(String machineName, String dockerUrl) {
}
