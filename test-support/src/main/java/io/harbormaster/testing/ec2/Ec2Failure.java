package io.harbormaster.testing.ec2;

/**
 * A failure a test injects: after letting {@code skip} requests of {@code action} through, the next {@code times} are
 * answered with {@code code} and {@code message} (and the HTTP status AWS uses for that code) instead of being carried
 * out.
 */
public record Ec2Failure(String action, String code, String message, int times, int skip) {

    public Ec2Failure {
        if (times < 1 || skip < 0) {
            throw new IllegalArgumentException("a failure happens at least once, after zero or more requests");
        }
    }
}
