package io.harbormaster.web.team;

import io.harbormaster.api.credential.AwsKeys;
import io.harbormaster.api.credential.CloudCredentialType;
import io.harbormaster.api.credential.CloudCredentialView;
import io.harbormaster.api.team.TeamId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.springframework.context.annotation.Primary;
import org.springframework.stereotype.Component;

/**
 * Keeps credentials in memory as the write side would, checking keys with the same {@link AwsKeys} rules, and records
 * what the page sent without any secret, as lines such as {@code ADD aws-prod ...MPLE}.
 */
@Component
@Primary
class FakeTeamCloudCredentials implements TeamCloudCredentials {

    final Map<TeamId, List<CloudCredentialView>> credentials = new ConcurrentHashMap<>();
    final List<String> sent = new CopyOnWriteArrayList<>();
    final List<String> secretsSeen = new CopyOnWriteArrayList<>();
    volatile RuntimeException refusal;

    void reset() {
        credentials.clear();
        sent.clear();
        secretsSeen.clear();
        refusal = null;
    }

    @Override
    public List<CloudCredentialView> list(TeamId team) {
        return credentials.getOrDefault(team, List.of());
    }

    @Override
    public void add(TeamId team, String name, String accessKeyId, String secretAccessKey, String sessionToken,
                    String roleArn, String region) {
        if (refusal != null) {
            throw refusal;
        }
        var keys = new AwsKeys(accessKeyId, secretAccessKey, sessionToken == null || sessionToken.isBlank() ? null
                : sessionToken);
        secretsSeen.add(secretAccessKey);
        sent.add("ADD " + name + " ..." + keys.accessKeyIdLast4());
        var list = new ArrayList<>(list(team));
        list.add(new CloudCredentialView(name, CloudCredentialType.of("aws"), keys.accessKeyIdLast4(),
                roleArn == null || roleArn.isBlank() ? null : roleArn, region == null || region.isBlank() ? null
                : region, Instant.parse("2026-12-06T10:00:00Z"), null, 1, List.of()));
        credentials.put(team, list);
    }

    @Override
    public void rotate(TeamId team, String name, String accessKeyId, String secretAccessKey, String sessionToken) {
        var keys = new AwsKeys(accessKeyId, secretAccessKey, null);
        sent.add("ROTATE " + name + " ..." + keys.accessKeyIdLast4());
    }

    @Override
    public void remove(TeamId team, String name) {
        if (refusal != null) {
            throw refusal;
        }
        sent.add("REMOVE " + name);
        credentials.put(team, list(team).stream().filter(c -> !c.name().equals(name)).toList());
    }
}
