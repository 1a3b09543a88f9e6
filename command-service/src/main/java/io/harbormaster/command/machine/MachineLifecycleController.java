package io.harbormaster.command.machine;

import io.harbormaster.api.machine.CreateMachineCommand;
import io.harbormaster.api.machine.DriverOptions;
import io.harbormaster.api.machine.EngineOptions;
import io.harbormaster.api.machine.InvalidEngineOptionsException;
import io.harbormaster.api.machine.KillMachineCommand;
import io.harbormaster.api.machine.MachineId;
import io.harbormaster.api.machine.SshPrivateKey;
import io.harbormaster.api.machine.MachineName;
import io.harbormaster.api.machine.RemoveMachineCommand;
import io.harbormaster.api.machine.RestartMachineCommand;
import io.harbormaster.api.machine.StartMachineCommand;
import io.harbormaster.api.machine.StopMachineCommand;
import io.harbormaster.api.team.TeamId;
import io.harbormaster.command.refusal.InvalidCommandException;
import io.harbormaster.command.web.ApiInputs;
import io.harbormaster.command.web.Caller;
import io.harbormaster.command.web.Commands;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.function.BiFunction;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Creates, starts, stops, restarts, kills and removes machines. Each answers 202 Accepted once the command was
 * recorded: the driver does its work afterwards, and progress is read from the query side.
 */
@RestController
@RequestMapping("/api/machines")
@Tag(name = "Machines (commands)")
@ApiResponse(responseCode = "400", description = "Malformed request; `errors` lists the fields")
@ApiResponse(responseCode = "404", description = "No such machine or team")
@ApiResponse(responseCode = "409", description = "The machine's state does not allow it now, or it changed meanwhile")
@ApiResponse(responseCode = "422", description = "Unknown driver, bad driver options, or the driver cannot do that")
class MachineLifecycleController {

    private final Commands commands;

    MachineLifecycleController(Commands commands) {
        this.commands = commands;
    }

    @PostMapping
    @Operation(operationId = "createMachine", summary = "Create a machine in a team, held by the caller")
    @ApiResponse(responseCode = "202", description = "Accepted; the driver creates the machine now")
    ResponseEntity<MachineRequests.Accepted> create(@Valid @RequestBody MachineRequests.Create request) {
        var id = MachineId.random();
        var command = new CreateMachineCommand(id,
                ApiInputs.field("team", () -> TeamId.of(request.team())),
                ApiInputs.field("name", () -> MachineName.of(request.name())),
                request.driver(),
                ApiInputs.field("driverOptions", () -> new DriverOptions(request.driverOptions())),
                Caller.userId(), SshPrivateKey.ofNullable(request.sshKey()), engineOptions(request.engineOptions()));
        commands.send(command);
        return accepted(id);
    }

    /** The request's engine options checked by their rules; a broken one is a 400 naming its part. */
    private static EngineOptions engineOptions(MachineRequests.Engine given) {
        if (given == null) {
            return null;
        }
        try {
            return new EngineOptions(given.flags(), given.labels(), given.installUrl(), given.tlsSans());
        } catch (InvalidEngineOptionsException e) {
            throw new InvalidCommandException("engineOptions." + e.part(), "engineOptions." + e.getMessage());
        }
    }

    @PostMapping("/{id}/start")
    @Operation(operationId = "startMachine", summary = "Start a machine")
    @ApiResponse(responseCode = "202", description = "Accepted, or already running")
    ResponseEntity<MachineRequests.Accepted> start(@PathVariable String id, @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        return lifecycle(id, ifMatch, StartMachineCommand::new);
    }

    @PostMapping("/{id}/stop")
    @Operation(operationId = "stopMachine", summary = "Stop a machine")
    @ApiResponse(responseCode = "202", description = "Accepted, or already stopped")
    ResponseEntity<MachineRequests.Accepted> stop(@PathVariable String id, @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        return lifecycle(id, ifMatch, StopMachineCommand::new);
    }

    @PostMapping("/{id}/restart")
    @Operation(operationId = "restartMachine", summary = "Restart a machine")
    @ApiResponse(responseCode = "202", description = "Accepted")
    ResponseEntity<MachineRequests.Accepted> restart(@PathVariable String id, @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        return lifecycle(id, ifMatch, RestartMachineCommand::new);
    }

    @PostMapping("/{id}/kill")
    @Operation(operationId = "killMachine", summary = "Stop a machine at once, without a graceful shutdown")
    @ApiResponse(responseCode = "202", description = "Accepted, or already stopped")
    ResponseEntity<MachineRequests.Accepted> kill(@PathVariable String id, @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        return lifecycle(id, ifMatch, KillMachineCommand::new);
    }

    @PostMapping("/{id}/provision")
    @Operation(operationId = "provisionMachine", summary = "Provision a machine's host again",
            description = "Reinstalls Docker Engine's configuration and fresh TLS material over SSH, like "
                    + "docker-machine's provision; the way to retry after a failed provisioning.")
    @ApiResponse(responseCode = "202", description = "Accepted")
    ResponseEntity<MachineRequests.Accepted> provision(@PathVariable String id,
                                                       @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        return lifecycle(id, ifMatch, (machineId, version) -> new io.harbormaster.api.machine.ProvisionMachineCommand(
                machineId));
    }

    @PostMapping("/{id}/upgrade")
    @Operation(operationId = "upgradeMachineEngine", summary = "Upgrade Docker Engine on a machine's host",
            description = "Runs harbormaster.provisioning.upgrade-command over SSH, as far as the host's OS allows; "
                    + "the outcome is EngineUpgraded (old and new version) or EngineUpgradeFailed in the history.")
    @ApiResponse(responseCode = "202", description = "Accepted")
    ResponseEntity<MachineRequests.Accepted> upgrade(@PathVariable String id,
                                                     @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        return lifecycle(id, ifMatch, (machineId, version) -> new io.harbormaster.api.machine.UpgradeEngineCommand(
                machineId));
    }

    @DeleteMapping("/{id}")
    @Operation(operationId = "removeMachine", summary = "Remove a machine and its host",
            description = "With `force=true` the machine is removed from Harbormaster even when the driver fails.")
    @ApiResponse(responseCode = "202", description = "Accepted, or already being removed")
    ResponseEntity<MachineRequests.Accepted> remove(@PathVariable String id,
                                                    @RequestParam(defaultValue = "false") boolean force,
                                                    @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        return lifecycle(id, ifMatch, (machineId, version) -> new RemoveMachineCommand(machineId, force, version));
    }

    private ResponseEntity<MachineRequests.Accepted> lifecycle(String rawId, String ifMatch,
                                                               BiFunction<MachineId, Long, Object> command) {
        var id = ApiInputs.field("id", () -> MachineId.of(rawId));
        commands.send(command.apply(id, ApiInputs.expectedVersion(ifMatch)));
        return accepted(id);
    }

    private static ResponseEntity<MachineRequests.Accepted> accepted(MachineId id) {
        return ResponseEntity.accepted().location(URI.create("/api/machines/" + id))
                .body(new MachineRequests.Accepted(id.value()));
    }
}
