package io.harbormaster.query.machine;

import io.harbormaster.api.user.Caller;
import io.harbormaster.api.common.PageRequest;
import io.harbormaster.api.machine.FindMachineByNameQuery;
import io.harbormaster.api.machine.FindMachineQuery;
import io.harbormaster.api.machine.MachineName;
import io.harbormaster.api.machine.MachineNameMatches;
import io.harbormaster.api.machine.FindMachinesQuery;
import io.harbormaster.api.machine.MachineDetail;
import io.harbormaster.api.machine.MachineFilter;
import io.harbormaster.api.machine.MachinePage;
import io.harbormaster.api.machine.MachineState;
import io.harbormaster.query.web.BadParameterException;
import io.harbormaster.query.web.NotFoundException;
import io.harbormaster.query.web.Params;
import io.harbormaster.query.web.Queries;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Reads machines. Only GET mappings: the command side owns POST and DELETE on the same paths. */
@RestController
@RequestMapping("/api/machines")
@Tag(name = "Machines (read)")
class MachineController {

    private final QueryGateway queries;

    MachineController(QueryGateway queries) {
        this.queries = queries;
    }

    @GetMapping
    @Operation(operationId = "listMachines", summary = "List machines in natural name order",
            description = "Every filter is optional; `name` is a regular expression found anywhere in the name, ignoring case (`web` finds `web-1` and `WEB-2`; anchor it with `^...$` to match the whole name).")
    MachinePage list(@RequestParam(required = false) String team,
                     @RequestParam(required = false) String state,
                     @RequestParam(required = false) String driver,
                     @RequestParam(required = false) String holder,
                     @Parameter(description = "regular expression found anywhere in the name, ignoring case; anchor with ^ and $ for the whole name")
                     @RequestParam(required = false) String name,
                     @RequestParam(defaultValue = "0") int page,
                     @RequestParam(defaultValue = "" + PageRequest.DEFAULT_SIZE) int size,
                     @Parameter(hidden = true) @RequestAttribute(Caller.REQUEST_ATTRIBUTE) Caller caller) {
        var filter = new MachineFilter(
                team == null || team.isBlank() ? null : Params.teamId("team", team),
                Params.oneOf("state", state, MachineState.class),
                Params.optional(driver),
                holder == null || holder.isBlank() ? null : Params.userId("holder", holder),
                nameFilter(name));
        try {
            return Queries.ask(queries, new FindMachinesQuery(filter, Params.page(page, size), caller), MachinePage.class);
        } catch (IllegalArgumentException e) {
            // the only refusal the list handler has: a pattern Java accepts but PostgreSQL does not
            throw new BadParameterException("name", e.getMessage());
        }
    }

    @GetMapping("/{id}")
    @Operation(operationId = "getMachine", summary = "One machine with its shares",
            description = "The ETag is the machine's version; send it back as If-Match on commands.")
    ResponseEntity<MachineDetail> detail(@PathVariable String id,
            @Parameter(hidden = true) @RequestAttribute(Caller.REQUEST_ATTRIBUTE) Caller caller) {
        var machineId = Params.machineId("id", id);
        var detail = Queries.ask(queries, new FindMachineQuery(machineId, caller), MachineDetail.class);
        if (detail == null) {
            throw new NotFoundException("No machine with id " + machineId.value());
        }
        return ResponseEntity.ok().eTag(Long.toString(detail.version())).body(detail);
    }

    // The name is a query parameter, not a path segment: /by-name/{name} and the /{id}/history-style reads are
    // equally specific to Spring, so a machine named "history" made GET /by-name/history ambiguous (a 500).
    @GetMapping("/by-name")
    @Operation(operationId = "getMachineByName", summary = "One machine by its name, within the caller's teams",
            description = "Names are unique per team, ignoring case. Looks in every team the caller may see "
                    + "machines of (their teams, machines shared with them; platform admins: all). `team` (a team "
                    + "name or id) picks one team when the name exists in several. The ETag is the machine's "
                    + "version, as for GET /api/machines/{id}. Example: `/api/machines/by-name?name=web-1&team=alpha`.")
    @ApiResponse(responseCode = "200", description = "The machine, with its version as ETag")
    @ApiResponse(responseCode = "400", description = "Not a valid machine name")
    @ApiResponse(responseCode = "404", description = "No visible machine of that name (in that team)")
    @ApiResponse(responseCode = "409", description = "The name exists in several of the caller's teams and no "
            + "`team` was given; `teams` lists them (type .../ambiguous-machine-name)")
    ResponseEntity<MachineDetail> byName(@Parameter(description = "the machine's name") @RequestParam String name,
            @Parameter(description = "a team name or team id, to pick one when the name exists in several teams")
            @RequestParam(required = false) String team,
            @Parameter(hidden = true) @RequestAttribute(Caller.REQUEST_ATTRIBUTE) Caller caller) {
        MachineName machineName;
        try {
            machineName = MachineName.of(name);
        } catch (IllegalArgumentException e) {
            throw new BadParameterException("name", e.getMessage());
        }
        var wantedTeam = Params.optional(team);
        var matches = Queries.ask(queries, new FindMachineByNameQuery(machineName, wantedTeam, caller),
                MachineNameMatches.class);
        var found = matches == null ? List.<MachineDetail>of() : matches.machines();
        if (found.isEmpty()) {
            throw new NotFoundException(wantedTeam == null
                    ? "No machine named '" + machineName + "' in your teams. See the machines you can use with "
                            + "hm ls (GET /api/machines)."
                    : "No machine named '" + machineName + "' in team '" + wantedTeam + "' that you can see. "
                            + "Check the team and the name with hm ls (GET /api/machines).");
        }
        if (found.size() > 1) {
            throw new AmbiguousMachineNameException(machineName,
                    found.stream().map(m -> m.teamName() == null ? m.teamId().value() : m.teamName()).toList());
        }
        var detail = found.getFirst();
        return ResponseEntity.ok().eTag(Long.toString(detail.version())).body(detail);
    }

    /** The name exists in several teams the caller sees; they must name one. */
    @ExceptionHandler(AmbiguousMachineNameException.class)
    ProblemDetail ambiguous(AmbiguousMachineNameException e) {
        var problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, e.getMessage());
        problem.setType(AmbiguousMachineNameException.TYPE);
        problem.setTitle("Ambiguous machine name");
        problem.setProperty("teams", e.teams());
        return problem;
    }

    private static String nameFilter(String raw) {
        var regex = Params.optional(raw);
        if (regex == null) {
            return null;
        }
        try {
            return new MachineFilter(null, null, null, null, regex).nameRegex();
        } catch (IllegalArgumentException e) {
            throw new BadParameterException("name", e.getMessage());
        }
    }
}
