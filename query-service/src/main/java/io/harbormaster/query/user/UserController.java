package io.harbormaster.query.user;

import io.harbormaster.api.user.FindUsersQuery;
import io.harbormaster.api.user.UserList;
import io.harbormaster.query.web.Queries;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Reads the user list (usernames, display names, admin flag; no credentials). */
@RestController
@Tag(name = "Users (read)")
class UserController {

    private final QueryGateway queries;

    UserController(QueryGateway queries) {
        this.queries = queries;
    }

    @GetMapping("/api/users")
    @Operation(operationId = "listUsers", summary = "All users by username")
    UserList list() {
        return Queries.ask(queries, new FindUsersQuery(), UserList.class);
    }
}
