package io.harbormaster.cli.credential;

/** The server's answer to an add or a rotation. */
record StoredCredential(String teamId, String name, String type, String accessKeyIdLast4, String roleArn,
                        String region, long version) {
}
