package io.harbormaster.command.user;

import io.harbormaster.command.web.NoControlCharacters;
import io.harbormaster.api.user.Username;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** The request and response bodies of the user command API; every string has a size cap. */
final class UserRequests {

    private UserRequests() {
    }

    /**
     * {@code POST /api/users}; {@code platformAdmin} may be left out and then means false. Credentials are set
     * through the security endpoints, never here.
     */
    @Schema(name = "RegisterUserRequest", example = """
            {"username": "alice", "displayName": "Alice Example", "platformAdmin": false}""")
    record Register(@NotBlank @Size(max = Username.MAX_LENGTH) @NoControlCharacters String username,
                    @NotBlank @Size(max = UserRegistrationHandler.MAX_DISPLAY_NAME_LENGTH) @NoControlCharacters String displayName,
                    Boolean platformAdmin) {

        boolean admin() {
            return Boolean.TRUE.equals(platformAdmin);
        }
    }

    /** {@code PUT /api/users/{id}/platform-admin}. */
    @Schema(name = "SetPlatformAdminRequest", example = """
            {"platformAdmin": true}""")
    record PlatformAdmin(@jakarta.validation.constraints.NotNull Boolean platformAdmin) {
    }

    /** The answer to a registration. */
    @Schema(name = "UserRegistered")
    record Registered(String userId) {
    }
}
