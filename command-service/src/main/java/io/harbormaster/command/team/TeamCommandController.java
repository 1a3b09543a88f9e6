package io.harbormaster.command.team;

import io.harbormaster.api.team.AddMemberCommand;
import io.harbormaster.api.team.ChangeMemberRoleCommand;
import io.harbormaster.api.team.CreateTeamCommand;
import io.harbormaster.api.team.RemoveMemberCommand;
import io.harbormaster.api.team.TeamId;
import io.harbormaster.api.team.TeamName;
import io.harbormaster.api.team.TeamRole;
import io.harbormaster.api.user.UserId;
import io.harbormaster.command.web.ApiInputs;
import io.harbormaster.command.web.Caller;
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
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Creates teams and manages their members. */
@RestController
@RequestMapping("/api/teams")
@Tag(name = "Teams (commands)")
@ApiResponse(responseCode = "400", description = "Malformed request; `errors` lists the fields")
@ApiResponse(responseCode = "404", description = "No such team, user or member")
@ApiResponse(responseCode = "409", description = "Name taken, already a member with another role, or the last owner")
class TeamCommandController {

    private final Commands commands;

    TeamCommandController(Commands commands) {
        this.commands = commands;
    }

    @PostMapping
    @Operation(operationId = "createTeam", summary = "Create a team with the caller as its first owner")
    @ApiResponse(responseCode = "201", description = "Created")
    ResponseEntity<TeamRequests.Created> create(@Valid @RequestBody TeamRequests.Create request) {
        var id = TeamId.random();
        commands.send(new CreateTeamCommand(id, ApiInputs.field("name", () -> TeamName.of(request.name())),
                Caller.userId()));
        return ResponseEntity.created(URI.create("/api/teams/" + id)).body(new TeamRequests.Created(id.value()));
    }

    @PostMapping("/{id}/members")
    @Operation(operationId = "addTeamMember", summary = "Add a registered user to the team")
    @ApiResponse(responseCode = "200", description = "Added, or already a member with that role")
    ResponseEntity<TeamRequests.Membership> addMember(@PathVariable String id,
                                                      @Valid @RequestBody TeamRequests.AddMember request) {
        var teamId = teamId(id);
        var userId = ApiInputs.field("userId", () -> UserId.of(request.userId()));
        var role = ApiInputs.oneOf("role", request.role(), TeamRole.class);
        commands.send(new AddMemberCommand(teamId, userId, role));
        return ResponseEntity.ok(new TeamRequests.Membership(teamId.value(), userId.value(), role.name()));
    }

    @PutMapping("/{id}/members/{userId}")
    @Operation(operationId = "changeTeamMemberRole", summary = "Give a member another role")
    @ApiResponse(responseCode = "200", description = "Changed, or the member already had that role")
    ResponseEntity<TeamRequests.Membership> changeRole(@PathVariable String id, @PathVariable String userId,
                                                       @Valid @RequestBody TeamRequests.ChangeRole request) {
        var teamId = teamId(id);
        var member = ApiInputs.field("userId", () -> UserId.of(userId));
        var role = ApiInputs.oneOf("role", request.role(), TeamRole.class);
        commands.send(new ChangeMemberRoleCommand(teamId, member, role));
        return ResponseEntity.ok(new TeamRequests.Membership(teamId.value(), member.value(), role.name()));
    }

    @DeleteMapping("/{id}/members/{userId}")
    @Operation(operationId = "removeTeamMember", summary = "Take a member out of the team")
    @ApiResponse(responseCode = "204", description = "Removed")
    ResponseEntity<Void> removeMember(@PathVariable String id, @PathVariable String userId) {
        var teamId = teamId(id);
        commands.send(new RemoveMemberCommand(teamId, ApiInputs.field("userId", () -> UserId.of(userId))));
        return ResponseEntity.noContent().build();
    }

    private static TeamId teamId(String raw) {
        return ApiInputs.field("id", () -> TeamId.of(raw));
    }
}
