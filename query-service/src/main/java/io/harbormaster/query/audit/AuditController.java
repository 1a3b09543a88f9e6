package io.harbormaster.query.audit;

import io.harbormaster.api.audit.AuditPage;
import io.harbormaster.api.audit.FindPlatformAuditLogQuery;
import io.harbormaster.api.audit.FindTeamAuditLogQuery;
import io.harbormaster.api.user.Caller;
import io.harbormaster.api.common.PageRequest;
import io.harbormaster.api.machine.FindMachineHistoryQuery;
import io.harbormaster.query.web.ForbiddenException;
import io.harbormaster.query.web.NotFoundException;
import io.harbormaster.query.web.Params;
import io.harbormaster.query.web.Queries;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Serves the audit trail: one machine's history, a team's audit log and, for platform admins, everything. */
@RestController
@Tag(name = "Audit")
class AuditController {

    private final QueryGateway queries;

    AuditController(QueryGateway queries) {
        this.queries = queries;
    }

    @GetMapping("/api/machines/{id}/history")
    @Operation(operationId = "getMachineHistory",
            summary = "A machine's history, newest first; kept after the machine is removed")
    AuditPage machineHistory(@PathVariable String id,
                             @RequestParam(defaultValue = "0") int page,
                             @RequestParam(defaultValue = "" + PageRequest.DEFAULT_SIZE) int size,
                             @Parameter(hidden = true) @RequestAttribute(Caller.REQUEST_ATTRIBUTE) Caller caller) {
        var machineId = Params.machineId("id", id);
        var history = Queries.ask(queries, new FindMachineHistoryQuery(machineId, Params.page(page, size), caller),
                AuditPage.class);
        // every machine's history starts with its creation, so an empty one means the machine never existed
        if (history == null || history.total() == 0) {
            throw new NotFoundException("No machine with id " + machineId.value());
        }
        return history;
    }

    @GetMapping("/api/teams/{id}/audit")
    @Operation(operationId = "getTeamAudit", summary = "A team's audit log, newest first",
            description = "Covers the team's own events and its machines' events. `actor` matches the actor's id "
                    + "or login name; the time range is [from, to) in ISO-8601 instants.")
    AuditPage teamAudit(@PathVariable String id,
                        @RequestParam(required = false) String actor,
                        @Parameter(description = "api, ui, cli, reconciler or system")
                        @RequestParam(required = false) String channel,
                        @Parameter(description = "an event name such as MachineHandedOff")
                        @RequestParam(required = false) String action,
                        @RequestParam(required = false) String from,
                        @RequestParam(required = false) String to,
                        @RequestParam(defaultValue = "0") int page,
                        @RequestParam(defaultValue = "" + PageRequest.DEFAULT_SIZE) int size,
                        @Parameter(hidden = true) @RequestAttribute(Caller.REQUEST_ATTRIBUTE) Caller caller) {
        var teamId = Params.teamId("id", id);
        var filter = AuditFilters.parse(actor, channel, action, from, to);
        var log = Queries.ask(queries, new FindTeamAuditLogQuery(teamId, filter, Params.page(page, size), caller),
                AuditPage.class);
        if (log == null) {
            throw new NotFoundException("No team with id " + teamId.value());
        }
        return log;
    }

    @GetMapping("/api/admin/audit")
    @Operation(operationId = "getPlatformAudit", summary = "The whole audit trail, newest first (platform admins)",
            description = "Every team's entries plus those that belong to no team: accounts, API tokens, sign-ins "
                    + "and refused sign-ins. Same filters as a team's audit log.")
    AuditPage platformAudit(@RequestParam(required = false) String actor,
                            @Parameter(description = "api, ui, cli, reconciler or system")
                            @RequestParam(required = false) String channel,
                            @Parameter(description = "an event name such as SignInFailed")
                            @RequestParam(required = false) String action,
                            @RequestParam(required = false) String from,
                            @RequestParam(required = false) String to,
                            @RequestParam(defaultValue = "0") int page,
                            @RequestParam(defaultValue = "" + PageRequest.DEFAULT_SIZE) int size,
                            @Parameter(hidden = true) @RequestAttribute(Caller.REQUEST_ATTRIBUTE) Caller caller) {
        var filter = AuditFilters.parse(actor, channel, action, from, to);
        var log = Queries.ask(queries, new FindPlatformAuditLogQuery(filter, Params.page(page, size), caller),
                AuditPage.class);
        if (log == null) {
            throw new ForbiddenException("The platform audit log is for platform admins");
        }
        return log;
    }
}
