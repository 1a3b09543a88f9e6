package io.harbormaster.command.user;

import io.harbormaster.api.user.ChangePlatformAdminCommand;
import io.harbormaster.api.user.RegisterUserCommand;
import io.harbormaster.api.user.UserId;
import io.harbormaster.api.user.Username;
import io.harbormaster.command.web.ApiInputs;
import io.harbormaster.command.web.Commands;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.net.URI;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Registers users and grants or revokes the platform admin role. */
@RestController
@RequestMapping("/api/users")
@Tag(name = "Users (commands)")
class UserCommandController {

    private final Commands commands;

    UserCommandController(Commands commands) {
        this.commands = commands;
    }

    @PostMapping
    @Operation(operationId = "registerUser",
            summary = "Register a user", description = "The username is lower case and unique on the platform.")
    @ApiResponse(responseCode = "201", description = "Registered")
    @ApiResponse(responseCode = "400", description = "Malformed request; `errors` lists the fields")
    @ApiResponse(responseCode = "409", description = "The username is taken")
    ResponseEntity<UserRequests.Registered> register(@Valid @RequestBody UserRequests.Register request) {
        var id = UserId.random();
        commands.send(new RegisterUserCommand(id, ApiInputs.field("username", () -> Username.of(request.username())),
                request.displayName(), request.admin()));
        return ResponseEntity.created(URI.create("/api/users/" + id)).body(new UserRequests.Registered(id.value()));
    }

    @PutMapping("/{userId}/platform-admin")
    @Operation(operationId = "setPlatformAdmin", summary = "Grant or revoke the platform admin role (platform admins)",
            description = "Takes effect on the user's next API request; an open portal session keeps its role until "
                    + "the user signs in again. The last platform admin cannot be revoked.")
    @ApiResponse(responseCode = "204", description = "Changed, or already so")
    @ApiResponse(responseCode = "404", description = "No such user")
    @ApiResponse(responseCode = "409", description = "That would leave the platform without an admin")
    ResponseEntity<Void> platformAdmin(@PathVariable String userId, @Valid @RequestBody UserRequests.PlatformAdmin request) {
        var id = ApiInputs.field("userId", () -> UserId.of(userId));
        commands.send(new ChangePlatformAdminCommand(id, request.platformAdmin()));
        return ResponseEntity.noContent().build();
    }
}
