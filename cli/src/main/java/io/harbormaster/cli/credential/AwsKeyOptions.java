package io.harbormaster.cli.credential;

import java.util.Map;
import picocli.CommandLine.Option;

/**
 * The key options {@code hm credentials add} and {@code rotate} share. The secret and the session token are never
 * options of their own: they are asked for without echo, or read from standard input, so they reach neither the
 * shell's history nor {@code ps}.
 */
final class AwsKeyOptions {

    @Option(names = "--access-key-id", paramLabel = "ID", required = true, description = "The AWS access key id")
    String accessKeyId;

    @Option(names = "--secret-access-key-stdin", description = "Read the secret access key from standard input")
    boolean secretFromStdin;

    @Option(names = "--session-token-stdin",
            description = "Read a session token (temporary credentials) from standard input, after the secret")
    boolean sessionTokenFromStdin;

    @Option(names = "--role-arn", paramLabel = "ARN",
            description = "An IAM role to assume with the key (rotate: default keep the current one)")
    String roleArn;

    @Option(names = "--region", paramLabel = "REGION",
            description = "The region of machines that name none (rotate: default keep the current one)")
    String region;

    /** Puts the keys, read as asked, and the settings into a request body. */
    void putInto(Map<String, Object> body, SecretInput input) {
        body.put("accessKeyId", accessKeyId.strip());
        body.put("secretAccessKey", input.secretAccessKey(secretFromStdin));
        body.put("sessionToken", input.sessionToken(sessionTokenFromStdin));
        body.put("roleArn", roleArn);
        body.put("region", region);
    }
}
