package io.harbormaster.command.credential;

import io.harbormaster.api.credential.CloudCredentialName;
import io.harbormaster.api.team.TeamId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The credential secrets in memory: every version written per credential, destroyed ones gone. */
class InMemoryCredentialSecrets implements CloudCredentialSecrets {

    private final Map<String, List<Map<String, String>>> versions = new HashMap<>();
    private RuntimeException failure;

    @Override
    public long write(TeamId team, CloudCredentialName name, Map<String, String> fields) {
        fail();
        var written = versions.computeIfAbsent(key(team, name), key -> new ArrayList<>());
        written.add(Map.copyOf(fields));
        return written.size();
    }

    @Override
    public void destroy(TeamId team, CloudCredentialName name) {
        fail();
        versions.remove(key(team, name));
    }

    /** The latest fields, or null when nothing is stored. */
    Map<String, String> latest(TeamId team, CloudCredentialName name) {
        var written = versions.get(key(team, name));
        return written == null ? null : written.getLast();
    }

    /** From now on every call fails like an unreachable store. */
    void failWith(RuntimeException failure) {
        this.failure = failure;
    }

    private void fail() {
        if (failure != null) {
            throw failure;
        }
    }

    private static String key(TeamId team, CloudCredentialName name) {
        return team.value() + "/" + name.value();
    }
}
