package io.harbormaster.command.machine;

import io.harbormaster.api.machine.MachineId;
import io.harbormaster.api.machine.PinHostKeyCommand;
import io.harbormaster.command.web.ApiInputs;
import io.harbormaster.command.web.Commands;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The SSH host key Harbormaster accepts from a machine's host, pinned again by a user after a rebuild. */
@RestController
@RequestMapping("/api/machines/{id}")
@Tag(name = "Machines (commands)")
@ApiResponse(responseCode = "400", description = "Malformed key type or fingerprint; `errors` lists the fields")
@ApiResponse(responseCode = "403", description = "Pinning needs the OWNER role in the machine's team or being its holder")
@ApiResponse(responseCode = "404", description = "No such machine")
@ApiResponse(responseCode = "409", description = "Not allowed in the machine's state")
class MachineHostKeyController {

    private final Commands commands;

    MachineHostKeyController(Commands commands) {
        this.commands = commands;
    }

    @PutMapping("/ssh-host-key")
    @Operation(operationId = "pinMachineHostKey", summary = "Pin the host key the machine's host presents now",
            description = "After the host was rebuilt or its host keys were regenerated on purpose, Harbormaster "
                    + "refuses it (the fingerprint changed). Check the new key on the host itself "
                    + "(`ssh-keygen -lf /etc/ssh/ssh_host_ed25519_key.pub`) and pin it here; then provision or "
                    + "retry what failed.")
    @ApiResponse(responseCode = "200", description = "Pinned, or that key was pinned already")
    ResponseEntity<MachineRequests.Accepted> pin(@PathVariable String id,
                                                 @Valid @RequestBody MachineRequests.HostKey request) {
        var machineId = ApiInputs.field("id", () -> MachineId.of(id));
        commands.send(new PinHostKeyCommand(machineId, request.keyType(), request.fingerprint()));
        return ResponseEntity.ok(new MachineRequests.Accepted(machineId.value()));
    }
}
