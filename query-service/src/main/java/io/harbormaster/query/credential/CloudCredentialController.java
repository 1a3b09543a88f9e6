package io.harbormaster.query.credential;

import io.harbormaster.api.credential.CloudCredentialList;
import io.harbormaster.api.credential.CloudCredentialName;
import io.harbormaster.api.credential.CloudCredentialView;
import io.harbormaster.api.credential.FindCloudCredentialQuery;
import io.harbormaster.api.credential.FindCloudCredentialsQuery;
import io.harbormaster.api.user.Caller;
import io.harbormaster.query.web.BadParameterException;
import io.harbormaster.query.web.NotFoundException;
import io.harbormaster.query.web.Params;
import io.harbormaster.query.web.Queries;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Reads a team's cloud credentials: for anyone in the team (viewers too, so whoever creates a machine can pick one)
 * and platform admins; never a key.
 */
@RestController
@RequestMapping("/api/teams/{id}/credentials")
@Tag(name = "Cloud credentials (read)")
class CloudCredentialController {

    private final QueryGateway queries;

    CloudCredentialController(QueryGateway queries) {
        this.queries = queries;
    }

    @GetMapping
    @Operation(operationId = "listCloudCredentials", summary = "The team's cloud credentials by name, never a secret",
            description = "Each with its type, the access key id's last four characters, role ARN, region, when it "
                    + "was added and last rotated, the secret store's version and the machines whose "
                    + "`amazonec2-credential` option names it.")
    CloudCredentialList list(@PathVariable String id,
                             @Parameter(hidden = true) @RequestAttribute(Caller.REQUEST_ATTRIBUTE) Caller caller) {
        var teamId = Params.teamId("id", id);
        var list = Queries.ask(queries, new FindCloudCredentialsQuery(teamId, caller), CloudCredentialList.class);
        if (list == null) {
            throw new NotFoundException("No team with id " + teamId.value());
        }
        return list;
    }

    @GetMapping("/{name}")
    @Operation(operationId = "getCloudCredential", summary = "One cloud credential of the team, never a secret")
    CloudCredentialView detail(@PathVariable String id, @PathVariable String name,
                               @Parameter(hidden = true) @RequestAttribute(Caller.REQUEST_ATTRIBUTE) Caller caller) {
        var teamId = Params.teamId("id", id);
        CloudCredentialName credential;
        try {
            credential = CloudCredentialName.of(name);
        } catch (IllegalArgumentException e) {
            throw new BadParameterException("name", "name: " + e.getMessage());
        }
        var view = Queries.ask(queries, new FindCloudCredentialQuery(teamId, credential, caller),
                CloudCredentialView.class);
        if (view == null) {
            // which of the two 404s: the team is unknown or not the caller's, or it has no credential of that name
            list(id, caller);
            throw new NotFoundException("The team has no cloud credential named '" + credential
                    + "'. List the team's credentials to see their names.");
        }
        return view;
    }
}
