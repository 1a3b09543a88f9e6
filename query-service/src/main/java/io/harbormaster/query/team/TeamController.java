package io.harbormaster.query.team;

import io.harbormaster.api.user.Caller;
import io.harbormaster.api.team.FindTeamQuery;
import io.harbormaster.api.team.FindTeamsQuery;
import io.harbormaster.api.team.TeamDetail;
import io.harbormaster.api.team.TeamList;
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
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Reads teams; the team audit log is served by the audit package. */
@RestController
@RequestMapping("/api/teams")
@Tag(name = "Teams (read)")
class TeamController {

    private final QueryGateway queries;

    TeamController(QueryGateway queries) {
        this.queries = queries;
    }

    @GetMapping
    @Operation(operationId = "listTeams",
            summary = "The caller's teams by name (platform admins: all), with member counts")
    TeamList list(@Parameter(hidden = true) @RequestAttribute(Caller.REQUEST_ATTRIBUTE) Caller caller) {
        return Queries.ask(queries, new FindTeamsQuery(caller), TeamList.class);
    }

    @GetMapping("/{id}")
    @Operation(operationId = "getTeam", summary = "One team with its members")
    TeamDetail detail(@PathVariable String id,
                      @Parameter(hidden = true) @RequestAttribute(Caller.REQUEST_ATTRIBUTE) Caller caller) {
        var teamId = Params.teamId("id", id);
        var team = Queries.ask(queries, new FindTeamQuery(teamId, caller), TeamDetail.class);
        if (team == null) {
            throw new NotFoundException("No team with id " + teamId.value());
        }
        return team;
    }
}
