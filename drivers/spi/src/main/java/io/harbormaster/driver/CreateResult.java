package io.harbormaster.driver;

/** What creating a host came to: the Docker daemon URL to use, or why it failed. */
public sealed interface CreateResult {

    /** The host exists and its daemon listens at {@code dockerUrl}. */
    record Created(String dockerUrl) implements CreateResult {
    }

    /** The host could not be created; {@code reason} is shown to users. */
    record Failed(String reason) implements CreateResult {
    }
}
