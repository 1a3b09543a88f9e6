package io.harbormaster.command.team;

import io.harbormaster.command.web.NoControlCharacters;
import io.harbormaster.api.team.TeamName;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** The request and response bodies of the team command API; every string has a size cap. */
final class TeamRequests {

    private TeamRequests() {
    }

    /** {@code POST /api/teams}: the caller becomes the first owner. */
    @Schema(name = "CreateTeamRequest", example = """
            {"name": "platform-team"}""")
    record Create(@NotBlank @Size(max = TeamName.MAX_LENGTH) @NoControlCharacters String name) {
    }

    /** {@code POST /api/teams/{id}/members}. */
    @Schema(name = "AddTeamMemberRequest", example = """
            {"userId": "0b6d1f52-7c3e-4a8b-9d2f-1e5a6b7c8d9e", "role": "MEMBER"}""")
    record AddMember(@NotBlank @Size(max = 36) @NoControlCharacters String userId,
                     @NotBlank @Size(max = 16) @NoControlCharacters String role) {
    }

    /** {@code PUT /api/teams/{id}/members/{userId}}. */
    @Schema(name = "ChangeTeamMemberRoleRequest", example = """
            {"role": "OWNER"}""")
    record ChangeRole(@NotBlank @Size(max = 16) @NoControlCharacters String role) {
    }

    /** The answer to a created team. */
    @Schema(name = "TeamCreated")
    record Created(String teamId) {
    }

    /** The answer to a membership change: who has which role now. */
    @Schema(name = "TeamMembership")
    record Membership(String teamId, String userId, String role) {
    }
}
