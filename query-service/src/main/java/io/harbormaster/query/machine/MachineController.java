package io.harbormaster.query.machine;

import io.harbormaster.api.user.Caller;
import io.harbormaster.api.common.PageRequest;
import io.harbormaster.api.machine.FindMachineQuery;
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
import io.swagger.v3.oas.annotations.tags.Tag;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.http.ResponseEntity;
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
