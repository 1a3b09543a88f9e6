package io.harbormaster.api.credential;

import java.time.Instant;
import java.util.List;

/**
 * A credential as anyone in its team may see it: never a secret. {@code rotatedAt} is null until the first
 * rotation; {@code version} is the secret store's version of its keys; {@code machines} are the names of the team's
 * machines whose {@code amazonec2-credential} option names it.
 */
public record CloudCredentialView(String name, CloudCredentialType type, String accessKeyIdLast4, String roleArn,
                                  String region, Instant createdAt, Instant rotatedAt, long version,
                                  List<String> machines) {

    public CloudCredentialView {
        machines = machines == null ? List.of() : List.copyOf(machines);
    }
}
