package io.harbormaster.command.machine;

import io.harbormaster.api.machine.MachineId;
import io.harbormaster.api.machine.MachineName;
import io.harbormaster.api.machine.SshPrivateKey;
import io.harbormaster.api.team.TeamId;
import io.harbormaster.command.web.ApiInputs;
import io.harbormaster.command.web.Caller;
import io.harbormaster.command.web.Commands;
import io.harbormaster.workstation.dockermachine.DockerMachineEngine;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.net.URI;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** {@code hm import}: one machine of a docker-machine store into a team, held by the caller. */
@RestController
@Tag(name = "Machines (commands)")
class MachineImportController {

    private final Commands commands;

    MachineImportController(Commands commands) {
        this.commands = commands;
    }

    @PostMapping("/api/machines/import")
    @Operation(operationId = "importMachine",
            summary = "Import a docker-machine machine into a team, held by the caller",
            description = "The machine keeps working with the certificates it has: its CA and key, server "
                    + "certificate and key (and a generic machine's SSH key) go into the secret store, and client "
                    + "certificates are issued from that CA. generic and none machines keep their driver; any other "
                    + "driver's machine becomes an existing daemon (none) at tcp://IPAddress:2376. Needs the right to "
                    + "create machines in the team. With `dryRun` everything is checked and nothing is written.")
    @ApiResponse(responseCode = "201", description = "Imported; `Location` is the machine")
    @ApiResponse(responseCode = "200", description = "Dry run: it would be imported as the answer says")
    @ApiResponse(responseCode = "400", description = "Malformed request; `errors` lists the fields")
    @ApiResponse(responseCode = "403", description = "The caller may see the team but not create machines there")
    @ApiResponse(responseCode = "404", description = "No such team (or not one the caller can see)")
    @ApiResponse(responseCode = "409", description = "The name is taken in the team, or the daemon is already a "
            + "machine of the platform")
    @ApiResponse(responseCode = "422", description = "The material or settings cannot be used; the detail names the "
            + "part")
    ResponseEntity<ImportRequests.Imported> importMachine(@Valid @RequestBody ImportRequests.Import request) {
        var id = MachineId.random();
        var engine = request.engine() == null ? DockerMachineEngine.none() : request.engine().toEngine();
        MachineImportOutcome outcome = commands.send(new ImportMachineCommand(id,
                ApiInputs.field("team", () -> TeamId.of(request.team())),
                ApiInputs.field("name", () -> MachineName.of(request.name())), Caller.userId(), request.driver(),
                ImportRequests.settings(request), engine, request.tls().toImported(),
                SshPrivateKey.ofNullable(request.sshKey()), request.workstation(), request.storePath(),
                request.isDryRun()));
        var answer = ImportRequests.Imported.of(outcome);
        if (outcome.dryRun()) {
            return ResponseEntity.ok(answer);
        }
        return ResponseEntity.created(URI.create("/api/machines/" + outcome.machineId())).body(answer);
    }
}
