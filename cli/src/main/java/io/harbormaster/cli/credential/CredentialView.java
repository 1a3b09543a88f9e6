package io.harbormaster.cli.credential;

import java.time.Instant;
import java.util.List;

/** A credential as the server lists it: metadata only. */
record CredentialView(String name, String type, String accessKeyIdLast4, String roleArn, String region,
                      Instant createdAt, Instant rotatedAt, long version, List<String> machines) {

    record Page(List<CredentialView> credentials) {
    }
}
