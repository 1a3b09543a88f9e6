package io.harbormaster.standalone.bootstrap;

import io.harbormaster.api.audit.ActingContext;
import io.harbormaster.api.audit.CurrentActingContext;
import io.harbormaster.api.team.CreateTeamCommand;
import io.harbormaster.api.team.TeamId;
import io.harbormaster.api.team.TeamName;
import io.harbormaster.api.user.RegisterUserCommand;
import io.harbormaster.api.user.UserId;
import io.harbormaster.api.user.Username;
import java.security.SecureRandom;
import java.util.Optional;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * On the first start, makes the first platform admin and the default team through ordinary commands (so they are
 * in the history like everything else) and prepares a one-time password to show once. Later starts find the admin
 * and do nothing; a start that died half-way finishes the job. Replicas starting together on an empty database take
 * turns ({@link FirstStartLock}): one makes the admin and shows the password, the others find it made.
 */
@Component
@Order(0)
class FirstStartBootstrap implements ApplicationRunner {

    static final String ADMIN = "admin";
    static final String DEFAULT_TEAM = "default";
    private static final Logger log = LoggerFactory.getLogger(FirstStartBootstrap.class);
    private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";

    private final BootstrapAccounts accounts;
    private final CommandGateway commands;
    private final FirstStartLock lock;
    private final SecureRandom random = new SecureRandom();
    private volatile String oneTimePassword;

    FirstStartBootstrap(BootstrapAccounts accounts, CommandGateway commands, FirstStartLock lock) {
        this.accounts = accounts;
        this.commands = commands;
        this.lock = lock;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (accounts.adminWithPasswordExists()) {
            return;
        }
        lock.runExclusively(this::bootstrapUnlessDone);
    }

    private void bootstrapUnlessDone() {
        if (accounts.adminWithPasswordExists()) {
            return; // another replica did it while this one waited for the lock
        }
        CurrentActingContext.runAs(ActingContext.system(), () -> {
            var admin = accounts.userIdOf(ADMIN).orElseGet(() -> {
                var id = UserId.random();
                commands.sendAndWait(new RegisterUserCommand(id, Username.of(ADMIN), "Administrator", true));
                return id;
            });
            if (!accounts.teamExists(DEFAULT_TEAM)) {
                commands.sendAndWait(new CreateTeamCommand(TeamId.random(), TeamName.of(DEFAULT_TEAM), admin));
            }
            var password = newPassword();
            accounts.setPassword(admin, password);
            oneTimePassword = password;
            log.info("First start: created platform admin '{}' and team '{}'", ADMIN, DEFAULT_TEAM);
        });
    }

    /** The password made on this start, handed out once to the banner and then forgotten. */
    Optional<String> takeOneTimePassword() {
        var password = oneTimePassword;
        oneTimePassword = null;
        return Optional.ofNullable(password);
    }

    private String newPassword() {
        var password = new StringBuilder();
        for (int i = 0; i < 20; i++) {
            password.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return password.toString();
    }
}
