package io.harbormaster.query.machine;

import io.harbormaster.api.machine.FindFleetAsOfQuery;
import io.harbormaster.api.machine.FleetAsOf;
import io.harbormaster.api.user.Caller;
import io.harbormaster.query.web.BadParameterException;
import io.harbormaster.query.web.NotFoundException;
import io.harbormaster.query.web.Params;
import io.harbormaster.query.web.Queries;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The team's fleet at a past instant, replayed from the event store. */
@RestController
@RequestMapping("/api/teams")
@Tag(name = "Machines (read)")
class FleetAsOfController {

    private final QueryGateway queries;

    FleetAsOfController(QueryGateway queries) {
        this.queries = queries;
    }

    @GetMapping("/{id}/fleet")
    @Operation(operationId = "getFleetAsOf", summary = "The team's machines as they were at an instant, and what changed since",
            description = "Replays the team's machine events up to `at` from the event store (nothing is kept): each "
                    + "machine's state, holder, Docker URL, CA fingerprint, Docker version and last error then, and "
                    + "`changes`: machines added or removed since and the fields that differ now. Any member of the "
                    + "team (viewers too) and platform admins may ask. Example: "
                    + "`/api/teams/{id}/fleet?at=2026-12-01T09:00:00Z`.")
    @ApiResponse(responseCode = "200", description = "The fleet at `at`")
    @ApiResponse(responseCode = "400", description = "`at` is missing, not an ISO-8601 instant, or in the future")
    @ApiResponse(responseCode = "404", description = "No team with that id that the caller may see")
    FleetAsOf fleet(@PathVariable String id,
                    @Parameter(description = "an ISO-8601 instant, e.g. 2026-12-01T09:00:00Z")
                    @RequestParam(required = false) String at,
                    @Parameter(hidden = true) @RequestAttribute(Caller.REQUEST_ATTRIBUTE) Caller caller) {
        var teamId = Params.teamId("id", id);
        var instant = Params.instant("at", at);
        if (instant == null) {
            throw new BadParameterException("at", "at is required: the instant to see the fleet at, as an ISO-8601 "
                    + "instant such as 2026-12-01T09:00:00Z");
        }
        if (instant.isAfter(Instant.now())) {
            throw new BadParameterException("at", "at is in the future (" + instant + "); the fleet can only be "
                    + "shown as it was. For the fleet now, use GET /api/machines?team=" + teamId.value());
        }
        var fleet = Queries.ask(queries, new FindFleetAsOfQuery(teamId, instant, caller), FleetAsOf.class);
        if (fleet == null) {
            throw new NotFoundException("No team with id " + teamId.value());
        }
        return fleet;
    }
}
