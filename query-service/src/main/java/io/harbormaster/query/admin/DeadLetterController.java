package io.harbormaster.query.admin;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Events the projections could not apply, per processing group ({@code machine-list}, {@code audit-trail},
 * {@code teams}, {@code users}). Access is limited to platform admins by the application's security setup.
 */
@RestController
@RequestMapping("/api/admin/dead-letters")
@Tag(name = "Admin: dead letters")
class DeadLetterController {

    /** Answer to a retry: how many sequences were applied completely and how many events are still parked. */
    record RetryOutcome(String processingGroup, int sequencesApplied, long stillParked) {
    }

    /** Answer to an eviction: how many parked events were dropped. */
    record Evicted(String processingGroup, String sequenceId, int deadLetters) {
    }

    private final DeadLetters deadLetters;

    DeadLetterController(DeadLetters deadLetters) {
        this.deadLetters = deadLetters;
    }

    @GetMapping
    @Operation(operationId = "countDeadLetters",
            summary = "How many events each projection has parked (platform admins only)")
    List<DeadLetters.GroupCount> counts() {
        return deadLetters.counts();
    }

    @GetMapping("/{group}")
    @Operation(operationId = "listDeadLetters",
            summary = "The events one projection could not apply, with their causes (platform admins only)",
            description = "Grouped by sequence (the aggregate): the first event of a sequence failed, the later "
                    + "ones wait behind it. Fix the cause, then retry; or evict to skip them for good.")
    List<DeadLetterView> list(@PathVariable String group) {
        return deadLetters.list(group);
    }

    @PostMapping("/{group}/retry")
    @Operation(operationId = "retryAllDeadLetters",
            summary = "Apply every parked sequence of one projection again (platform admins only)")
    RetryOutcome retryAll(@PathVariable String group) {
        int applied = deadLetters.retryAll(group);
        return new RetryOutcome(group, applied, stillParked(group));
    }

    @PostMapping("/{group}/{sequenceId}/retry")
    @Operation(operationId = "retryDeadLetterSequence",
            summary = "Apply one parked sequence again, in order (platform admins only)",
            description = "Stops at the first event that fails again; it stays parked with its new cause.")
    RetryOutcome retry(@PathVariable String group, @PathVariable String sequenceId) {
        boolean applied = deadLetters.retry(group, sequenceId);
        return new RetryOutcome(group, applied ? 1 : 0, stillParked(group));
    }

    @DeleteMapping("/{group}/{sequenceId}")
    @ResponseStatus(HttpStatus.OK)
    @Operation(operationId = "evictDeadLetterSequence",
            summary = "Drop one parked sequence for good (platform admins only)",
            description = "The projection will not have applied these events; a rebuild replays them again.")
    Evicted evict(@PathVariable String group, @PathVariable String sequenceId) {
        return new Evicted(group, sequenceId, deadLetters.evict(group, sequenceId));
    }

    private long stillParked(String group) {
        return deadLetters.counts().stream().filter(c -> c.processingGroup().equals(group))
                .mapToLong(DeadLetters.GroupCount::deadLetters).sum();
    }
}
