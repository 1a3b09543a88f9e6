package io.harbormaster.testing.ec2;

import java.util.Map;

/**
 * One request the stand-in received, for tests to assert on: the action, the access key it was signed with (null
 * when unsigned), the region and service of its signature, whether the stand-in accepted it, and its parameters.
 */
public record Ec2Request(String action, String accessKeyId, String region, String service, boolean accepted,
                         Map<String, String> params) {

    public Ec2Request {
        params = Map.copyOf(params);
    }

    /** The parameter {@code name}, or null. */
    public String param(String name) {
        return params.get(name);
    }
}
