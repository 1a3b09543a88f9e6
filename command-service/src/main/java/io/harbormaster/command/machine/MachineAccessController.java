package io.harbormaster.command.machine;

import io.harbormaster.api.machine.Grantee;
import io.harbormaster.api.machine.HandOffMachineCommand;
import io.harbormaster.api.machine.MachineId;
import io.harbormaster.api.machine.ShareMachineCommand;
import io.harbormaster.api.machine.ShareRole;
import io.harbormaster.api.machine.UnshareMachineCommand;
import io.harbormaster.api.user.UserId;
import io.harbormaster.command.web.ApiInputs;
import io.harbormaster.command.web.Commands;
import io.harbormaster.api.audit.CurrentActingContext;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Who holds a machine and whom it is shared with. These take effect at once, so they answer 200 or 204. */
@RestController
@RequestMapping("/api/machines/{id}")
@Tag(name = "Machines (commands)")
@ApiResponse(responseCode = "400", description = "Malformed request; `errors` lists the fields")
@ApiResponse(responseCode = "404", description = "No such machine, user, team or share")
@ApiResponse(responseCode = "409", description = "Not allowed in the machine's state, or it changed meanwhile")
class MachineAccessController {

    private final Commands commands;
    private final RenewalOutcomes renewals;

    MachineAccessController(Commands commands, RenewalOutcomes renewals) {
        this.commands = commands;
        this.renewals = renewals;
    }

    @PostMapping("/handoff")
    @Operation(operationId = "handOffMachine", summary = "Make another member of the machine's team its holder")
    @ApiResponse(responseCode = "200", description = "Handed off, or that user already holds it")
    ResponseEntity<MachineRequests.Accepted> handOff(@PathVariable String id,
                                                     @Valid @RequestBody MachineRequests.HandOff request,
                                                     @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        var machineId = machineId(id);
        Boolean waits = commands.send(new HandOffMachineCommand(machineId,
                ApiInputs.field("to", () -> UserId.of(request.to())), request.revoke(),
                ApiInputs.expectedVersion(ifMatch)));
        if (Boolean.TRUE.equals(waits)) {
            // handed off only once the new CA is stored; its failure fails the hand-off
            renewals.await(machineId, CurrentActingContext.orSystem().correlationId());
        }
        return ResponseEntity.ok(new MachineRequests.Accepted(machineId.value()));
    }

    @PostMapping("/shares")
    @Operation(operationId = "shareMachine", summary = "Share the machine with a user or a team, as VIEWER or MEMBER")
    @ApiResponse(responseCode = "200", description = "Shared, or already shared with that role")
    ResponseEntity<MachineRequests.Accepted> share(@PathVariable String id,
                                                   @Valid @RequestBody MachineRequests.Share request) {
        var machineId = machineId(id);
        var grantee = grantee(request.grantee().kind(), "grantee.kind", request.grantee().id(), "grantee.id");
        var role = ApiInputs.oneOf("role", request.role(), ShareRole.class);
        commands.send(new ShareMachineCommand(machineId, grantee, role));
        return ResponseEntity.ok(new MachineRequests.Accepted(machineId.value()));
    }

    @DeleteMapping("/shares/{kind}/{granteeId}")
    @Operation(operationId = "unshareMachine", summary = "Take back a share")
    @ApiResponse(responseCode = "204", description = "Unshared")
    ResponseEntity<Void> unshare(@PathVariable String id, @PathVariable String kind, @PathVariable String granteeId) {
        commands.send(new UnshareMachineCommand(machineId(id), grantee(kind, "kind", granteeId, "granteeId")));
        return ResponseEntity.noContent().build();
    }

    private static MachineId machineId(String raw) {
        return ApiInputs.field("id", () -> MachineId.of(raw));
    }

    private static Grantee grantee(String kind, String kindField, String id, String idField) {
        var granteeKind = ApiInputs.oneOf(kindField, kind, Grantee.Kind.class);
        return ApiInputs.field(idField, () -> new Grantee(granteeKind, id));
    }
}
