package io.harbormaster.command.network;

import io.harbormaster.command.web.Commands;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The networks machine addresses may be in, for platform admins (the API chain lets only them reach /api/admin). */
@RestController
@RequestMapping("/api/admin/networks")
@Tag(name = "Admin: networks")
class NetworksController {

    private final Commands commands;
    private final NetworkSettings settings;

    NetworksController(Commands commands, NetworkSettings settings) {
        this.commands = commands;
        this.settings = settings;
    }

    /** The lists in force; {@code source} says whether they come from the configuration or an admin's change. */
    @Schema(name = "PlatformNetworks")
    record Networks(List<String> allow, List<String> deny, List<String> linkLocal, String source) {
    }

    /** The new lists, in CIDR notation or as single addresses. */
    @Schema(name = "ChangePlatformNetworksRequest", example = """
            {"allow": ["10.0.0.0/8", "192.168.0.0/16"], "deny": ["10.0.99.0/24"]}""")
    record ChangeNetworks(List<String> allow, List<String> deny) {
    }

    @GetMapping
    @Operation(operationId = "getPlatformNetworks", summary = "Where the platform may connect (platform admins)",
            description = "Machine addresses (a `none` machine's `url`, a `generic` machine's `ip-address`) must be "
                    + "in an allowed network and in no denied one; the most specific entry decides, deny wins a tie. "
                    + "Link-local addresses (`linkLocal`) are refused unless a network inside them is allowed.")
    @ApiResponse(responseCode = "200", description = "The networks in force")
    ResponseEntity<Networks> get() {
        return ResponseEntity.ok(networks());
    }

    @PutMapping
    @Operation(operationId = "changePlatformNetworks", summary = "Set where the platform may connect (platform admins)",
            description = "Replaces both lists (and the configuration's, `harbormaster.network.allow` and `.deny`) "
                    + "for every replica; recorded in the audit trail. Machines already created are checked again "
                    + "before the platform connects to them.")
    @ApiResponse(responseCode = "200", description = "The networks now in force")
    @ApiResponse(responseCode = "400", description = "An entry is no network; the field names it (`allow[2]`)")
    ResponseEntity<Networks> put(@RequestBody ChangeNetworks request) {
        commands.send(new ChangeNetworksCommand(request.allow(), request.deny()));
        settings.changed();
        return ResponseEntity.ok(networks());
    }

    private Networks networks() {
        var inForce = settings.inForce();
        return new Networks(inForce.policy().allowText(), inForce.policy().denyText(),
                NetworkPolicy.LINK_LOCAL.stream().map(Cidr::toString).toList(), inForce.source());
    }
}
