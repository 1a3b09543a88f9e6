package io.harbormaster.command.credential;

import io.harbormaster.api.credential.AddCloudCredentialCommand;
import io.harbormaster.api.credential.AwsKeys;
import io.harbormaster.api.credential.AwsSettings;
import io.harbormaster.api.credential.CloudCredentialAdded;
import io.harbormaster.api.credential.CloudCredentialName;
import io.harbormaster.api.credential.CloudCredentialRotated;
import io.harbormaster.api.credential.CloudCredentialType;
import io.harbormaster.api.credential.RemoveCloudCredentialCommand;
import io.harbormaster.api.credential.RotateCloudCredentialCommand;
import io.harbormaster.api.team.TeamId;
import io.harbormaster.command.web.ApiInputs;
import io.harbormaster.command.web.Commands;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.net.URI;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Adds, rotates and removes a team's cloud credentials (team owners and platform admins). */
@RestController
@RequestMapping("/api/teams/{id}/credentials")
@Tag(name = "Cloud credentials (commands)")
@ApiResponse(responseCode = "400", description = "Malformed request; `errors` names the field and the rule, never a "
        + "secret")
@ApiResponse(responseCode = "403", description = "A member or viewer of the team: managing credentials needs OWNER")
@ApiResponse(responseCode = "404", description = "No such team (or not yours), or no credential of that name")
@ApiResponse(responseCode = "503", description = "The secret store is unreachable or sealed; nothing was recorded")
class CloudCredentialCommandController {

    private final Commands commands;

    CloudCredentialCommandController(Commands commands) {
        this.commands = commands;
    }

    @PostMapping
    @Operation(operationId = "addCloudCredential", summary = "Add a named cloud credential (type aws) to the team",
            description = "The keys go to the secret store (`teams/<id>/credentials/<name>`); the answer, the "
                    + "event and the listing show the access key id's last four characters only.")
    @ApiResponse(responseCode = "201", description = "Added; `Location` is the credential")
    @ApiResponse(responseCode = "409", description = "The team has a credential of that name already")
    ResponseEntity<CloudCredentialRequests.Stored> add(@PathVariable String id,
                                                       @Valid @RequestBody CloudCredentialRequests.Add request) {
        var team = teamId(id);
        var name = ApiInputs.field("name", () -> CloudCredentialName.of(request.name()));
        var type = ApiInputs.field("type", () -> CloudCredentialType.of(request.type()));
        var keys = keys(request.accessKeyId(), request.secretAccessKey(), request.sessionToken());
        var settings = settings(request.roleArn(), request.region());
        CloudCredentialAdded added = commands.send(new AddCloudCredentialCommand(team, name, type, keys, settings));
        return ResponseEntity.created(URI.create("/api/teams/" + team.value() + "/credentials/" + name.value()))
                .body(CloudCredentialRequests.Stored.of(added));
    }

    @PostMapping("/{name}/rotate")
    @Operation(operationId = "rotateCloudCredential", summary = "Replace a credential's keys (a new version)",
            description = "Drivers read the new keys from their next call on. A role ARN or region given replaces the "
                    + "current one; left out, it stays.")
    @ApiResponse(responseCode = "200", description = "Rotated")
    CloudCredentialRequests.Stored rotate(@PathVariable String id, @PathVariable String name,
                                          @Valid @RequestBody CloudCredentialRequests.Rotate request) {
        var team = teamId(id);
        var credential = ApiInputs.field("name", () -> CloudCredentialName.of(name));
        var keys = keys(request.accessKeyId(), request.secretAccessKey(), request.sessionToken());
        var settings = settings(request.roleArn(), request.region());
        CloudCredentialRotated rotated = commands.send(new RotateCloudCredentialCommand(team, credential, keys,
                settings));
        return CloudCredentialRequests.Stored.of(rotated);
    }

    @DeleteMapping("/{name}")
    @Operation(operationId = "removeCloudCredential", summary = "Remove a credential and destroy its keys",
            description = "Refused while machines of the team name it in their `amazonec2-credential` option.")
    @ApiResponse(responseCode = "204", description = "Removed; its keys are gone from the secret store")
    @ApiResponse(responseCode = "409", description = "Machines still use it: `machines` lists them")
    ResponseEntity<Void> remove(@PathVariable String id, @PathVariable String name) {
        var team = teamId(id);
        var credential = ApiInputs.field("name", () -> CloudCredentialName.of(name));
        commands.send(new RemoveCloudCredentialCommand(team, credential));
        return ResponseEntity.noContent().build();
    }

    /** Each part checked on its own, so a refusal names the request's field; no message quotes a secret. */
    private static AwsKeys keys(String accessKeyId, String secretAccessKey, String sessionToken) {
        var id = ApiInputs.field("accessKeyId", () -> AwsKeys.accessKeyId(accessKeyId));
        var secret = ApiInputs.field("secretAccessKey", () -> AwsKeys.secretAccessKey(secretAccessKey));
        var token = ApiInputs.field("sessionToken", () -> AwsKeys.sessionToken(sessionToken));
        return new AwsKeys(id, secret, token);
    }

    private static AwsSettings settings(String roleArn, String region) {
        return new AwsSettings(ApiInputs.field("roleArn", () -> AwsSettings.roleArn(roleArn)),
                ApiInputs.field("region", () -> AwsSettings.region(region)));
    }

    private static TeamId teamId(String raw) {
        return ApiInputs.field("id", () -> TeamId.of(raw));
    }
}
