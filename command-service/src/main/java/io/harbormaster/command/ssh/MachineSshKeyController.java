package io.harbormaster.command.ssh;

import io.harbormaster.api.machine.MachineId;
import io.harbormaster.command.machine.RequireMachineVisibleCommand;
import io.harbormaster.command.refusal.NotFoundException;
import io.harbormaster.command.web.ApiInputs;
import io.harbormaster.command.web.Commands;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * The public half of a machine's SSH key, for the user to authorize on the host. It follows the machine's detail:
 * whoever may see the machine may read it (viewers too: a public key is no secret), anyone else gets 404 as for an
 * unknown machine, so the key does not reveal that the machine exists.
 */
@RestController
@Tag(name = "Machines (commands)")
class MachineSshKeyController {

    private final MachineSshKeys sshKeys;
    private final Commands commands;

    MachineSshKeyController(MachineSshKeys sshKeys, Commands commands) {
        this.sshKeys = sshKeys;
        this.commands = commands;
    }

    @GetMapping("/api/machines/{id}/ssh-public-key")
    @Operation(operationId = "getMachineSshPublicKey",
            summary = "The machine's SSH public key (authorized_keys line), to install on its host",
            description = "Harbormaster generates a key for a machine created without `sshKey`; add this line to "
                    + "the host's ~/.ssh/authorized_keys, then provision the machine again.")
    @ApiResponse(responseCode = "200", description = "The public key")
    @ApiResponse(responseCode = "404", description = "No such machine (or one the caller may not see), or a machine "
            + "whose driver uses no SSH")
    ResponseEntity<String> sshPublicKey(@PathVariable String id) {
        var machineId = ApiInputs.field("id", () -> MachineId.of(id));
        commands.send(new RequireMachineVisibleCommand(machineId));
        return sshKeys.currentPublicKey(machineId)
                .map(key -> ResponseEntity.ok().contentType(MediaType.TEXT_PLAIN).body(key + "\n"))
                .orElseThrow(() -> new NotFoundException("ssh-key-not-found",
                        "Machine " + id + " has no SSH key: its driver does not use SSH."));
    }
}
