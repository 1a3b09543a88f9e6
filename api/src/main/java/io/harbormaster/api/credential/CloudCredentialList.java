package io.harbormaster.api.credential;

import java.util.List;

/** A team's cloud credentials by name. */
public record CloudCredentialList(List<CloudCredentialView> credentials) {

    public CloudCredentialList {
        credentials = credentials == null ? List.of() : List.copyOf(credentials);
    }
}
