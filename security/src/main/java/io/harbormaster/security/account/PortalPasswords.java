package io.harbormaster.security.account;

import static io.harbormaster.api.audit.AuditMetadata.ACTOR_ID;

import io.harbormaster.api.user.SetUserPasswordCommand;
import io.harbormaster.api.user.UserId;
import java.time.Clock;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * The portal's way to set a password, since the portal may not depend on this module: the same rules as
 * {@code PUT /api/users/{id}/password} (platform admins only, 12 to 128 characters), the same store and hashing.
 * Messages never repeat the password.
 */
class PortalPasswords {

    static final int MIN_LENGTH = 12;
    static final int MAX_LENGTH = 128;

    private final AccountStore accounts;
    private final PasswordEncoder encoder;
    private final Clock clock = Clock.systemUTC();

    PortalPasswords(AccountStore accounts, PasswordEncoder encoder) {
        this.accounts = accounts;
        this.encoder = encoder;
    }

    @CommandHandler
    void handle(SetUserPasswordCommand command, @MetaDataValue(ACTOR_ID) String actorId) {
        UserId actor;
        try {
            actor = UserId.of(actorId);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new AccessDeniedException("Passwords are set by platform admins.");
        }
        if (!accounts.isPlatformAdmin(actor)) {
            throw new AccessDeniedException("Only a platform admin may set a user's password.");
        }
        var password = command.password();
        if (password == null || password.length() < MIN_LENGTH || password.length() > MAX_LENGTH) {
            throw new IllegalArgumentException("A password has " + MIN_LENGTH + " to " + MAX_LENGTH + " characters.");
        }
        if (command.userId() == null || !accounts.setPasswordHash(command.userId(), encoder.encode(password),
                clock.instant())) {
            throw new IllegalArgumentException("No user with id " + command.userId() + ".");
        }
    }
}
