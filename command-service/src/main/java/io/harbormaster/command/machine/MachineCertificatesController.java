package io.harbormaster.command.machine;

import io.harbormaster.command.web.NoControlCharacters;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import io.harbormaster.api.machine.MachineCertificates;
import io.harbormaster.api.machine.MachineId;
import io.harbormaster.api.machine.RegenerateCertsCommand;
import io.harbormaster.command.web.ApiInputs;
import io.harbormaster.api.audit.CurrentActingContext;
import io.harbormaster.command.web.Commands;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** docker-machine's {@code regenerate-certs}: a new server certificate, optionally with a new CA. */
@RestController
@Tag(name = "Machines (certificates)")
class MachineCertificatesController {

    private final Commands commands;
    private final RenewalOutcomes renewals;

    MachineCertificatesController(Commands commands, RenewalOutcomes renewals) {
        this.commands = commands;
        this.renewals = renewals;
    }

    /** {@code rotateCa} (default false) and, only with rotation, the new CA's {@code keyAlgorithm}. */
    @Schema(name = "RegenerateCertificatesRequest", example = """
            {"rotateCa": true, "keyAlgorithm": "ecdsa-p256"}""")
    record Regenerate(Boolean rotateCa, @NoControlCharacters @Size(max = 32) String keyAlgorithm) {
    }

    @PostMapping("/api/machines/{id}/regenerate-certs")
    @Operation(operationId = "regenerateMachineCertificates", summary = "Regenerate a machine's certificates",
            description = "Makes a new server certificate for the machine's current address. With `rotateCa` a new "
                    + "CA is made too (ecdsa-p256, rsa-2048 or rsa-4096 with `keyAlgorithm`), and every client "
                    + "certificate issued so far stops working; that needs the right to manage the machine. "
                    + "The answer identifies the new material; it never holds a key.")
    @ApiResponse(responseCode = "200", description = "Regenerated")
    @ApiResponse(responseCode = "409", description = "The machine has no host yet, is being removed, or is getting "
            + "new certificates already")
    @ApiResponse(responseCode = "503", description = "The secret store is unavailable")
    MachineCertificates regenerate(@PathVariable String id, @Valid @RequestBody(required = false) Regenerate request) {
        var machineId = ApiInputs.field("id", () -> MachineId.of(id));
        var rotate = request != null && Boolean.TRUE.equals(request.rotateCa());
        commands.send(new RegenerateCertsCommand(machineId, rotate, request == null ? null : request.keyAlgorithm()));
        return renewals.await(machineId, CurrentActingContext.orSystem().correlationId());
    }
}
