package io.harbormaster.command.credential;

import io.harbormaster.command.refusal.ConflictException;
import java.util.List;
import java.util.Map;

/** A credential that machines still name cannot be removed (409); the problem lists them in {@code machines}. */
class CloudCredentialInUseException extends ConflictException {

    private final List<String> machines;

    CloudCredentialInUseException(String credential, String team, List<String> machines) {
        super("credential-in-use", "Cloud credential '" + credential + "' of team '" + team + "' is used by "
                + (machines.size() == 1 ? "machine " : "machines ") + String.join(", ", machines)
                + ". Remove " + (machines.size() == 1 ? "that machine" : "those machines")
                + " first, or rotate the credential instead of removing it.");
        this.machines = List.copyOf(machines);
    }

    @Override
    public Map<String, Object> properties() {
        return Map.of("machines", machines);
    }
}
