package io.harbormaster.testing.ec2;

import java.time.Instant;
import java.util.Map;

/**
 * One request the stand-in received, for tests to assert on: the action, the access key it was signed with (null
 * when unsigned), the region and service of its signature, whether the stand-in accepted it, its parameters, and when
 * it was answered (so tests can tell how long a platform's steps took against the stand-in).
 */
public record Ec2Request(String action, String accessKeyId, String region, String service, boolean accepted,
                         Map<String, String> params, Instant answeredAt) {

    public Ec2Request {
        params = Map.copyOf(params);
    }

    /** The parameter {@code name}, or null. */
    public String param(String name) {
        return params.get(name);
    }
}
