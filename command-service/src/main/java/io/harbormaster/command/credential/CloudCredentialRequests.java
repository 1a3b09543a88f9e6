package io.harbormaster.command.credential;

import io.harbormaster.api.credential.AwsKeys;
import io.harbormaster.api.credential.CloudCredentialAdded;
import io.harbormaster.api.credential.CloudCredentialName;
import io.harbormaster.api.credential.CloudCredentialRotated;
import io.harbormaster.command.web.NoControlCharacters;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * The request and response bodies of the credential command API; every string has a size cap, and no refusal of a
 * field quotes its value (the size and control-character checks name the field and the rule only).
 */
final class CloudCredentialRequests {

    private CloudCredentialRequests() {
    }

    /** {@code POST /api/teams/{id}/credentials}. */
    @Schema(name = "AddCloudCredentialRequest", description = "A named AWS credential for the team's machines. The "
            + "secret access key and session token are stored in the secret store only and never shown again.",
            example = """
            {"name": "aws-prod", "type": "aws", "accessKeyId": "AKIAIOSFODNN7EXAMPLE",
             "secretAccessKey": "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY",
             "roleArn": "arn:aws:iam::123456789012:role/harbormaster", "region": "eu-central-1"}""")
    record Add(@Schema(description = "Unique in the team; letters, digits, '.', '_', '-'; what a machine's "
                       + "amazonec2-credential option names")
               @NotBlank @Size(max = CloudCredentialName.MAX_LENGTH) @NoControlCharacters String name,
               @Schema(description = "The cloud: only `aws` today") @Size(max = 16) @NoControlCharacters String type,
               @NotBlank @Size(max = 128) @NoControlCharacters String accessKeyId,
               @Schema(description = "Write-only", accessMode = Schema.AccessMode.WRITE_ONLY)
               @NotBlank @Size(max = AwsKeys.MAX_SECRET_LENGTH) @NoControlCharacters String secretAccessKey,
               @Schema(description = "Write-only; for temporary credentials", accessMode = Schema.AccessMode.WRITE_ONLY)
               @Size(max = AwsKeys.MAX_SESSION_TOKEN_LENGTH) @NoControlCharacters String sessionToken,
               @Schema(description = "Optional IAM role to assume with the key")
               @Size(max = 2048) @NoControlCharacters String roleArn,
               @Schema(description = "Optional region for machines that name none")
               @Size(max = 32) @NoControlCharacters String region) {

        @Override
        public String toString() {
            return "Add[" + name + ", secrets hidden]";
        }
    }

    /** {@code POST /api/teams/{id}/credentials/{name}/rotate}. */
    @Schema(name = "RotateCloudCredentialRequest", description = "New keys for the credential, stored as a new "
            + "version; a role ARN or region given replaces the current one, left out keeps it.", example = """
            {"accessKeyId": "AKIAI44QH8DHBEXAMPLE", "secretAccessKey": "je7MtGbClwBF/2Zp9Utk/h3yCo8nvbEXAMPLEKEY"}""")
    record Rotate(@NotBlank @Size(max = 128) @NoControlCharacters String accessKeyId,
                  @Schema(description = "Write-only", accessMode = Schema.AccessMode.WRITE_ONLY)
                  @NotBlank @Size(max = AwsKeys.MAX_SECRET_LENGTH) @NoControlCharacters String secretAccessKey,
                  @Schema(description = "Write-only; for temporary credentials",
                          accessMode = Schema.AccessMode.WRITE_ONLY)
                  @Size(max = AwsKeys.MAX_SESSION_TOKEN_LENGTH) @NoControlCharacters String sessionToken,
                  @Size(max = 2048) @NoControlCharacters String roleArn,
                  @Size(max = 32) @NoControlCharacters String region) {

        @Override
        public String toString() {
            return "Rotate[secrets hidden]";
        }
    }

    /** The answer to an add or a rotation: what may be shown, and the secret store's version of the keys. */
    @Schema(name = "StoredCloudCredential")
    record Stored(String teamId, String name, String type, String accessKeyIdLast4, String roleArn, String region,
                  long version) {

        static Stored of(CloudCredentialAdded added) {
            return new Stored(added.teamId().value(), added.name().value(), added.type().wireName(),
                    added.accessKeyIdLast4(), added.roleArn(), added.region(), added.secretVersion());
        }

        static Stored of(CloudCredentialRotated rotated) {
            return new Stored(rotated.teamId().value(), rotated.name().value(), rotated.type().wireName(),
                    rotated.accessKeyIdLast4(), rotated.roleArn(), rotated.region(), rotated.secretVersion());
        }
    }
}
