package io.harbormaster.web.team;

import io.harbormaster.api.credential.AddCloudCredentialCommand;
import io.harbormaster.api.credential.AwsKeys;
import io.harbormaster.api.credential.AwsSettings;
import io.harbormaster.api.credential.CloudCredentialList;
import io.harbormaster.api.credential.CloudCredentialName;
import io.harbormaster.api.credential.CloudCredentialType;
import io.harbormaster.api.credential.CloudCredentialView;
import io.harbormaster.api.credential.FindCloudCredentialsQuery;
import io.harbormaster.api.credential.RemoveCloudCredentialCommand;
import io.harbormaster.api.credential.RotateCloudCredentialCommand;
import io.harbormaster.api.team.TeamId;
import io.harbormaster.web.account.QueryAnswers;
import io.harbormaster.web.account.SignedInUser;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.stereotype.Service;

/** Sends the credential commands and asks the credential query over Axon's buses as the signed-in user. */
@Service
class GatewayTeamCloudCredentials implements TeamCloudCredentials {

    private static final long TIMEOUT_SECONDS = 30;

    private final CommandGateway commands;
    private final QueryGateway queries;
    private final SignedInUser user;

    GatewayTeamCloudCredentials(CommandGateway commands, QueryGateway queries, SignedInUser user) {
        this.commands = commands;
        this.queries = queries;
        this.user = user;
    }

    @Override
    public List<CloudCredentialView> list(TeamId team) {
        var list = QueryAnswers.ask(queries, new FindCloudCredentialsQuery(team, user.caller()),
                CloudCredentialList.class, TIMEOUT_SECONDS);
        return list == null ? List.of() : list.credentials();
    }

    @Override
    public void add(TeamId team, String name, String accessKeyId, String secretAccessKey, String sessionToken,
                    String roleArn, String region) {
        send(new AddCloudCredentialCommand(team, CloudCredentialName.of(name), CloudCredentialType.of("aws"),
                new AwsKeys(accessKeyId, secretAccessKey, blankToNull(sessionToken)),
                new AwsSettings(blankToNull(roleArn), blankToNull(region))));
    }

    @Override
    public void rotate(TeamId team, String name, String accessKeyId, String secretAccessKey, String sessionToken) {
        send(new RotateCloudCredentialCommand(team, CloudCredentialName.of(name),
                new AwsKeys(accessKeyId, secretAccessKey, blankToNull(sessionToken)), AwsSettings.none()));
    }

    @Override
    public void remove(TeamId team, String name) {
        send(new RemoveCloudCredentialCommand(team, CloudCredentialName.of(name)));
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private void send(Object command) {
        user.act(() -> commands.sendAndWait(command, TIMEOUT_SECONDS, TimeUnit.SECONDS));
    }
}
