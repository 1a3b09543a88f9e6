package io.harbormaster.query.admin;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Rebuild and watch the read models. Access is limited to platform admins by the application's security setup. */
@RestController
@RequestMapping("/api/admin/projections")
@Tag(name = "Admin: projections")
class ProjectionAdminController {

    /** Answer to a rebuild: which processors were reset and are now replaying. */
    record RebuildStarted(List<String> processors) {
    }

    private final ProjectionRebuilder rebuilder;

    ProjectionAdminController(ProjectionRebuilder rebuilder) {
        this.rebuilder = rebuilder;
    }

    @PostMapping("/rebuild")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @Operation(operationId = "rebuildProjections",
            summary = "Rebuild every read model from the event store (platform admins only)",
            description = "Replays all events into new read model tables while the current ones keep serving, and "
                    + "puts the new ones in their place once they have caught up. Answers at once; watch "
                    + "GET /api/admin/projections/rebuild for its progress. 409 while a rebuild is running.")
    RebuildStarted rebuild() {
        return new RebuildStarted(rebuilder.rebuildAll());
    }

    /** A refused rebuild (one is running already) is a conflict with the current state, not a server bug. */
    @ExceptionHandler(IllegalStateException.class)
    ProblemDetail refused(IllegalStateException e) {
        var problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, e.getMessage());
        problem.setType(URI.create("https://harbormaster.dev/problems/rebuild-refused"));
        problem.setTitle("Rebuild refused");
        return problem;
    }

    @GetMapping("/rebuild")
    @Operation(operationId = "rebuildProgress",
            summary = "The latest rebuild's progress: events replayed of the total, rate, time left (platform admins only)")
    RebuildProgress rebuildProgress() {
        return rebuilder.rebuildProgress();
    }

    @GetMapping
    @Operation(operationId = "listProjections",
            summary = "Each projection processor's state and position (platform admins only)")
    List<ProjectionStatus> status() {
        return rebuilder.status();
    }
}
