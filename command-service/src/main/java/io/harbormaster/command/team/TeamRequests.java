package io.harbormaster.command.team;

import io.harbormaster.command.web.NoControlCharacters;
import io.harbormaster.api.team.TeamName;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** The request and response bodies of the team command API; every string has a size cap. */
final class TeamRequests {

    private TeamRequests() {
    }

    /** {@code POST /api/teams}: the caller becomes the first owner. */
    record Create(@NotBlank @NoControlCharacters @Size(max = TeamName.MAX_LENGTH) String name) {
    }

    /** {@code POST /api/teams/{id}/members}. */
    record AddMember(@NotBlank @NoControlCharacters @Size(max = 36) String userId,
                     @NotBlank @NoControlCharacters @Size(max = 16) String role) {
    }

    /** {@code PUT /api/teams/{id}/members/{userId}}. */
    record ChangeRole(@NotBlank @NoControlCharacters @Size(max = 16) String role) {
    }

    /** The answer to a created team. */
    record Created(String teamId) {
    }

    /** The answer to a membership change: who has which role now. */
    record Membership(String teamId, String userId, String role) {
    }
}
