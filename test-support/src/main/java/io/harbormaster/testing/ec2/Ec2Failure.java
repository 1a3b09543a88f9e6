package io.harbormaster.testing.ec2;

/**
 * A failure a test injects: the next {@code times} requests of {@code action} are answered with {@code code} and
 * {@code message} (and the HTTP status AWS uses for that code) instead of being carried out.
 */
public record Ec2Failure(String action, String code, String message, int times) {

    public Ec2Failure {
        if (times < 1) {
            throw new IllegalArgumentException("a failure happens at least once");
        }
    }
}
