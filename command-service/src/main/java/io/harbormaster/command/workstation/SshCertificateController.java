package io.harbormaster.command.workstation;

import io.harbormaster.api.machine.IssueSshCertCommand;
import io.harbormaster.api.machine.IssuedSshCertificate;
import io.harbormaster.api.machine.MachineId;
import io.harbormaster.command.web.ApiInputs;
import io.harbormaster.command.web.Commands;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * SSH to a machine's host from a workstation: the user's own public key, signed into an OpenSSH user certificate
 * valid for a few minutes, for whoever may use the machine ({@code hm ssh} and {@code hm scp} ask for a new one on
 * every run). Each signature is recorded ({@code SshCertIssued}); no key is kept.
 */
@RestController
@Tag(name = "Machines (workstation)")
class SshCertificateController {

    private final Commands commands;

    SshCertificateController(Commands commands) {
        this.commands = commands;
    }

    /** The user's public key, one line of their {@code .pub} file. */
    @Schema(name = "SshCertificateRequest", example = """
            {"publicKey": "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIF9Bq3oTtmJgNw7fvF1iC3XJ7z8cFQm2rjBVOhPJpE0X alice@laptop"}""")
    record Request(@NotBlank @Size(max = 16384) String publicKey) {
    }

    @PostMapping(value = "/api/machines/{id}/ssh-certificate", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(operationId = "issueSshCertificate",
            summary = "Sign your SSH public key into a short-lived certificate for the machine's host",
            description = "An OpenSSH user certificate (`certificate`, the content of an `id_ed25519-cert.pub` "
                    + "file) signed by the machine's SSH user CA, which the host's sshd trusts once the machine was "
                    + "provisioned or its certificates regenerated. It logs in as `user` at `host`:`port` from "
                    + "`validAfter` (two minutes back, for clock skew) to `validBefore` (the platform's "
                    + "`harbormaster.ssh.user-certificate-validity`, 5 minutes by default); it cannot be revoked, "
                    + "only expire. Check the host against `hostKeyType` and `hostKeyFingerprint`, the key "
                    + "Harbormaster pinned. Recorded as SshCertIssued with the key's fingerprint, never a key. "
                    + "Needs the right to use the machine (viewers get 403). Accepted keys: ssh-ed25519, "
                    + "ecdsa-sha2-nistp256/384/521, ssh-rsa of 2048 bits or more.")
    @ApiResponse(responseCode = "200", description = "The certificate, and where and as whom it logs in",
            content = @Content(schema = @Schema(implementation = IssuedSshCertificate.class)))
    @ApiResponse(responseCode = "400", description = "Not a public key of an accepted type; `errors` names the field")
    @ApiResponse(responseCode = "403", description = "The caller may only view the machine")
    @ApiResponse(responseCode = "404", description = "No machine with that id that the caller may see")
    @ApiResponse(responseCode = "409", description = "The host does not trust the machine's SSH user CA yet "
            + "(provision the machine again or regenerate its certificates), or the machine is not in a state to "
            + "be reached")
    @ApiResponse(responseCode = "422", description = "The machine's driver gives no SSH access (none)")
    ResponseEntity<IssuedSshCertificate> issue(@PathVariable String id, @Valid @RequestBody Request request) {
        var machineId = ApiInputs.field("id", () -> MachineId.of(id));
        IssuedSshCertificate issued = commands.send(new IssueSshCertCommand(machineId, request.publicKey()));
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON)
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .body(issued);
    }
}
