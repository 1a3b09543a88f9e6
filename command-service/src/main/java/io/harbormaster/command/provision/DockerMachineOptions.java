package io.harbormaster.command.provision;

/**
 * The daemon options docker-machine leaves on a host it provisioned ({@code libmachine/provision}): dockerd's flags,
 * naming docker-machine's certificates in {@code /etc/docker} and the addresses it listens on, in a systemd drop-in
 * ({@code 10-machine.conf}, sorting after Harbormaster's {@code 10-harbormaster.conf}, so its command line would
 * win) or, for init scripts, in {@code DOCKER_OPTS} of {@code /etc/default/docker}. dockerd refuses to start with an
 * option given both as a flag and in daemon.json, so when Harbormaster configures such a host (an imported generic
 * machine) it moves them aside, renamed {@code *.docker-machine}: nothing is lost, and docker-machine's configuration
 * can be put back by hand. {@code /etc/default/docker} is moved only when it holds docker-machine's TLS flags: a
 * distribution's own file stays.
 */
final class DockerMachineOptions {

    static final String SYSTEMD_DROP_IN = "/etc/systemd/system/docker.service.d/10-machine.conf";
    static final String INIT_OPTIONS = "/etc/default/docker";

    /** A shell command that moves both aside where they are docker-machine's; does nothing on other hosts. */
    static final String MOVE_ASIDE = "if [ -f " + SYSTEMD_DROP_IN + " ]; then mv -f " + SYSTEMD_DROP_IN + " "
            + SYSTEMD_DROP_IN + ".docker-machine; fi; if grep -q -e '--tlscacert' " + INIT_OPTIONS
            + " 2>/dev/null; then mv -f " + INIT_OPTIONS + " " + INIT_OPTIONS + ".docker-machine; fi; true";

    private DockerMachineOptions() {
    }
}
