package io.harbormaster.web.team;

import io.harbormaster.api.credential.CloudCredentialView;
import io.harbormaster.api.team.TeamId;
import java.util.List;

/**
 * A team's cloud credentials as the REST API's {@code /api/teams/{id}/credentials} offers them, as the signed-in user:
 * everyone in the team lists them (never a secret), owners add, rotate and remove. A refusal says why in the write
 * side's words, which never quote a secret.
 */
public interface TeamCloudCredentials {

    List<CloudCredentialView> list(TeamId team);

    /** An {@code aws} credential; {@code sessionToken}, {@code roleArn} and {@code region} may be blank. */
    void add(TeamId team, String name, String accessKeyId, String secretAccessKey, String sessionToken,
             String roleArn, String region);

    /** New keys for the credential, its next version; its role and region stay. */
    void rotate(TeamId team, String name, String accessKeyId, String secretAccessKey, String sessionToken);

    void remove(TeamId team, String name);
}
