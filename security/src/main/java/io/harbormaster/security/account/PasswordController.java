package io.harbormaster.security.account;

import io.harbormaster.api.user.UserId;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Clock;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** A platform admin sets a user's password; until then the user cannot sign in. */
@RestController
@Tag(name = "Users")
class PasswordController {

    private final AccountStore accounts;
    private final PasswordEncoder encoder;
    private final Clock clock;

    PasswordController(AccountStore accounts, PasswordEncoder encoder) {
        this.accounts = accounts;
        this.encoder = encoder;
        this.clock = Clock.systemUTC();
    }

    @Schema(name = "SetPasswordRequest", example = """

            {"password": "correct-horse-battery-staple"}""")

    record SetPasswordRequest(@NotNull @Size(min = 12, max = 128) String password) {

        @Override
        public String toString() {
            return "SetPasswordRequest[password=***]";
        }
    }

    @PutMapping("/api/users/{userId}/password")
    @Operation(operationId = "setUserPassword", summary = "Set a user's password (platform admins only)")
    @ApiResponse(responseCode = "204", description = "Set")
    @ApiResponse(responseCode = "400", description = "A malformed user id, or a password of the wrong length")
    @ApiResponse(responseCode = "404", description = "No such user")
    ResponseEntity<?> setPassword(@PathVariable String userId, @Valid @RequestBody SetPasswordRequest request) {
        var id = UserId.of(userId);
        if (!accounts.setPasswordHash(id, encoder.encode(request.password()), clock.instant())) {
            var problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, "No user with id " + id);
            problem.setType(java.net.URI.create("https://harbormaster.dev/problems/not-found"));
            problem.setTitle("Not found");
            return ResponseEntity.status(HttpStatus.NOT_FOUND).body(problem);
        }
        return ResponseEntity.noContent().build();
    }
}
